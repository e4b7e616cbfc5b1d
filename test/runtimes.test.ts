// The packed package on every runtime the README names (scripts/runtimes.ts; `npm run
// test:runtimes` prints the same rows): each gets the entry meant for it through the export
// conditions, and runs the smoke story against the Prism mock. Chromium's row is consumer.test.ts.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { root } from "../scripts/prism.js";
import { bundle, consumerProject, ensureRuntime, expected, prismServer, runtimes, smoke, WRANGLER_CONDITIONS } from "../scripts/runtimes.js";

let project: string;

beforeAll(async () => {
  project = await consumerProject();
}, 120_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("the packed package on each runtime", () => {
  // The first run installs each runtime from the npm registry (about 10 s each); later runs
  // find it in .runtimes/.
  it.each(runtimes.map((runtime) => [`${runtime.name} ${runtime.version}`, runtime] as const))(
    "%s: gets its entry, and obtains a token with the host password, lists participants, invites and cancels",
    async (_, runtime) => {
      const binary = await ensureRuntime(runtime);
      const outcome = await smoke(runtime, binary, project, prismServer(inject("prismUrl")));
      expect(outcome).toEqual({
        ...expected(runtime),
        token: true,
        participants: 2,
        invited: "4a5rg64ag5p8pvvnam1rr6m8lqra6a61",
        events: "not checked: the server has no event channel",
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
