// The packed package on every runtime the README names (scripts/runtimes.ts; `npm run
// test:runtimes` prints the same rows): each gets the entry meant for it through the export
// conditions, and runs the smoke story against the stateful fake in server mode, event channel
// included. Chromium's row is consumer.test.ts.
import { readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { root } from "../../scripts/prism.js";
import { bundle, consumerProject, ensureRuntime, expected, type MatrixFake, observe, runScript, runtimes, smoke, startFake, WRANGLER_CONDITIONS } from "../../scripts/runtimes.js";

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

describe("the attempts' deadlines on each runtime that runs scripts", () => {
  // Answers the participant "quick" at once; holds every other request unanswered.
  let stalling: Server;
  let baseUrl: string;
  beforeAll(async () => {
    stalling = createServer((req, res) => {
      if (!req.url?.includes("participantID=quick")) return;
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((resolve) => stalling.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(stalling.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    stalling.closeAllConnections();
    await new Promise((resolve) => stalling.close(resolve));
  });

  // Deno shares one timer among a client's attempts (transport/deadlines.ts), let go of so that
  // it never holds the process: the first call's 10-second deadline, cleared, must not keep it.
  it.each(runtimes.filter((runtime) => runtime.kind !== "workerd").map((runtime) => [`${runtime.name} ${runtime.version}`, runtime] as const))(
    "%s: each call times out when its own timeoutMs has passed, answered calls are not touched, and the process then ends",
    async (_, runtime) => {
      const binary = await ensureRuntime(runtime);
      const started = performance.now();
      const { stdout } = await runScript(runtime.kind as "node" | "bun" | "deno", binary, project, "deadlines.mjs", [baseUrl]);
      const wall = performance.now() - started;
      const calls = JSON.parse(stdout.trim().split("\n").at(-1)!) as { pid: string; outcome: string; ms: number; endedAt: number }[];
      expect(calls.map(({ pid, outcome }) => [pid, outcome])).toEqual([
        ["stall-a", "MeetingTimeoutError"],
        ["stall-b", "MeetingTimeoutError"],
        ["quick", "answered"],
      ]);
      const [a, b] = calls as [(typeof calls)[0], (typeof calls)[0]];
      expect(a.ms).toBeGreaterThanOrEqual(599);
      expect(a.ms).toBeLessThan(1500);
      expect(b.ms).toBeGreaterThanOrEqual(199);
      expect(b.ms).toBeLessThan(1100);
      expect(b.endedAt).toBeLessThan(a.endedAt);
      // Start-up included; the cleared 10-second deadline would hold the process past 10 s.
      expect(wall).toBeLessThan(8000);
    },
    60_000,
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
