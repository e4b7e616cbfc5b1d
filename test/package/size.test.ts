import { describe, expect, it } from "vitest";
import { BROWSER_BUDGET, browserEntrySize } from "../../scripts/size.js";

/** The sources every REST call may run through: none may be left to load on first use. */
const CALL_PATH = [
  "src/client.ts",
  "src/conference.ts",
  "src/options.ts",
  "src/call/input.ts",
  "src/call/options.ts",
  "src/call/answer.ts",
  "src/transport/retrying.ts",
  "src/transport/fetch.ts",
  "src/transport/sender.ts",
  "src/transport/read-capped.ts",
  "src/transport/call-request.ts",
  "src/transport/call-response.ts",
  "src/api-error.ts",
  "src/redact.ts",
  "src/secrets.ts",
  "src/log.ts",
  "src/generated/operations.ts",
  "src/call/operation.ts",
  "src/call/rules.ts",
  "src/participant.ts",
  "src/retry.ts",
  "src/race.ts",
  "src/errors.ts",
];

describe("the browser entry", async () => {
  const { gzipped, lazy, upFrontSources, lazySources, lazyEntries } = await browserEntrySize();

  it(`stays within ${BROWSER_BUDGET} bytes minified and gzipped up front, openapi-fetch included`, () => {
    expect(gzipped).toBeGreaterThan(2_600); // openapi-fetch alone is about this: the bundle is real
    expect(gzipped).toBeLessThanOrEqual(BROWSER_BUDGET);
  });

  it("holds no CLI code: the command table stays out of the page", () => {
    expect(upFrontSources).not.toContain("src/generated/commands.ts");
  });

  it("keeps the event channel out of the up-front code, in a chunk of its own loaded on first use", () => {
    expect(lazy.gzipped).toBeGreaterThan(2_000); // the channel's loop, roster and queue: split off, not dropped
    expect(lazyEntries).toEqual(["src/events/index.ts"]);
    // The channel's error classes stay up front, so that `instanceof` works before it loads.
    expect(upFrontSources.filter((file) => /^src\/events\/(?!errors\.ts)/.test(file))).toEqual([]);
  });

  it("holds every call path up front: no source a REST call runs through lands in a lazily loaded chunk", () => {
    for (const file of CALL_PATH) expect(upFrontSources, file).toContain(file);
    expect(lazySources.filter((file) => CALL_PATH.includes(file))).toEqual([]);
  });
});
