// What `npm pack` puts in the tarball besides the code: the licence and the changelog.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { root } from "../../scripts/prism.js";

const run = promisify(execFile);

describe("the package", () => {
  it("ships LICENSE and CHANGELOG.md", async () => {
    const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root });
    const [{ files }] = JSON.parse(stdout) as [{ files: { path: string }[] }];
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(["LICENSE", "CHANGELOG.md", "package.json", "README.md"]));
  }, 60_000);

  it("is MIT-licensed in both package.json and LICENSE, held by the project's authors", () => {
    expect(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).license).toBe("MIT");
    const license = readFileSync(join(root, "LICENSE"), "utf8");
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} The huaweicloud-meeting-control authors\n/);
  });

  it("keeps a changelog with an Unreleased section above the releases, the current version among them", () => {
    const changelog = readFileSync(join(root, "CHANGELOG.md"), "utf8");
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const headings = [...changelog.matchAll(/^## \[([^\]]+)\]/gm)].map((m) => m[1]);
    expect(headings[0]).toBe("Unreleased");
    expect(headings).toContain(version);
    expect(changelog).toMatch(new RegExp(`^## \\[${version.replaceAll(".", "\\.")}\\] - \\d{4}-\\d{2}-\\d{2}$`, "m"));
  });
});
