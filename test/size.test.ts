import { describe, expect, it } from "vitest";
import { BROWSER_BUDGET, browserEntrySize } from "../scripts/size.js";

describe("the browser entry", () => {
  it(`stays within ${BROWSER_BUDGET} bytes minified and gzipped up front, openapi-fetch included`, async () => {
    const { gzipped } = await browserEntrySize();
    expect(gzipped).toBeGreaterThan(2_600); // openapi-fetch alone is about this: the bundle is real
    expect(gzipped).toBeLessThanOrEqual(BROWSER_BUDGET);
  });

  it("holds the whole generated surface up front: the operation table, its rules and the one pipeline, none behind import()", async () => {
    const { upFrontSources } = await browserEntrySize();
    for (const file of ["src/generated/operations.ts", "src/call/operation.ts", "src/call/rules.ts", "src/retry.ts"]) expect(upFrontSources).toContain(file);
    // The CLI's commands stay out of the page.
    expect(upFrontSources).not.toContain("src/generated/commands.ts");
  });

  it("keeps the event channel out of the up-front code, in a chunk loaded on first use", async () => {
    const { lazy } = await browserEntrySize();
    expect(lazy.gzipped).toBeGreaterThan(2_000); // the channel's loop, roster and queue: split off, not dropped
  });

  it("loads what a call may never need on first use: the event channel, the error details, the settings' rules, the debug line, the capped reader", async () => {
    const { upFrontSources } = await browserEntrySize();
    expect(upFrontSources).toContain("src/transport.ts"); // the list is real
    // The channel's error classes stay up front, so that `instanceof` works before it loads.
    const lazy = upFrontSources.filter((file) => /^src\/(events\/(?!errors\.ts)|api-error\.ts|redact\.ts|settings\.ts|log\.ts|read-capped\.ts)/.test(file));
    expect(lazy).toEqual([]);
  });
});
