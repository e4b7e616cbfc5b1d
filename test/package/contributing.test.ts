// CONTRIBUTING.md holds the Scripts table: every script in package.json has its row there, and
// no row names a script that is gone.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { root } from "../../scripts/prism.js";

it("CONTRIBUTING.md's Scripts table has one row for each package.json script, and no other", () => {
  const scripts = Object.keys(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts as Record<string, string>);
  const contributing = readFileSync(join(root, "CONTRIBUTING.md"), "utf8");
  const section = contributing.slice(contributing.indexOf("\n## Scripts\n"), contributing.indexOf("\n## ", contributing.indexOf("\n## Scripts\n") + 1));
  const rows = [...section.matchAll(/^\| `npm (?:run )?([\w:-]+)` \|/gm)].map((m) => m[1]!);
  expect(rows.length).toBeGreaterThan(0);
  expect([...rows].sort()).toEqual([...scripts].sort());
});
