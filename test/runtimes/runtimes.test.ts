// The packed package on every runtime the README names (scripts/runtimes.ts; `npm run
// test:runtimes` prints the same rows): each gets the entry meant for it through the export
// conditions, and runs the smoke story against the stateful fake in server mode, event channel
// included. Chromium's row is consumer.test.ts.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { root } from "../../scripts/prism.js";
import { bundle, consumerProject, ensureRuntime, expected, type MatrixFake, observe, runtimes, smoke, startFake, WRANGLER_CONDITIONS } from "../../scripts/runtimes.js";

let project: string;
let fake: MatrixFake;

beforeAll(async () => {
  fake = await startFake();
  project = await consumerProject(inject("tarball"));
}, 120_000);

afterAll(async () => {
  if (project) rmSync(project, { recursive: true, force: true });
  await fake?.close();
});

describe("the packed package on each runtime", () => {
  // The first run installs each runtime from the npm registry (about 10 s each); later runs
  // find it in the cache per user (runtimesCacheDir).
  it.each(runtimes.map((runtime) => [`${runtime.name} ${runtime.version}`, runtime] as const))(
    "%s: gets its entry, obtains a token with the host password, lists participants, invites, sees the share on the event channel, and cancels",
    async (_, runtime) => {
      const binary = await ensureRuntime(runtime);
      const row = await observe(fake, () => smoke(runtime, binary, project, fake));
      expect(row).toEqual({
        result: {
          ...expected(runtime),
          token: true,
          participants: 2, // Alice and Bob, as seeded
          invited: fake.pids[0],
          events: `checked: waitUntilSharing saw the share, on ${runtime.webSocket}`,
        },
        // What the fake answered: the WebSocket token is the channel's, and nothing broke openapi.yaml.
        calls: ["createConfToken 200", "showRealTimeInfoOfMeeting 200", "inviteShare 200", "createWebSocketToken 200", "inviteShare 200"],
        after: [], // the cancel stopped the share
      });
    },
    300_000,
  );
});

describe("the packed package in bundlers", () => {
  // A host password must not ship in anything handed to users: pages, web workers, apps.
  it.each([
    ["wrangler, for Cloudflare Workers", WRANGLER_CONDITIONS, "dist/universal.js"],
    ["a bundler for browsers", ["browser"], "dist/browser.js"],
    ["a bundler for a browser's web worker", ["worker", "browser"], "dist/browser.js"],
    ["React Native's Metro", ["react-native"], "dist/browser.js"],
    ["a bundler with no target conditions", [], "dist/universal.js"],
  ])("%s (conditions %j) takes %s", async (_, conditions, entry) => {
    expect(await bundle(project, "reexport.mjs", conditions)).toBe(entry);
  });
});

it("the README's runtime table names each runtime at the version tested", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  for (const runtime of runtimes.filter((runtime) => runtime.pkg)) {
    expect(readme).toContain(`${runtime.version} (\`${runtime.pkg}\`)`);
  }
});
