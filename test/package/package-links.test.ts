// The README is the package's page on the registry: every link in it must work there, so a
// relative link must name a file the package ships, and the package names where it lives.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../../scripts/prism.js";

const REPO = "https://github.com/huaweicloud-meeting-control/huaweicloud-meeting-control";
const readme = readFileSync(join(root, "README.md"), "utf8");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<string, unknown>;

/** Every link target in the README: Markdown links and images, and HTML src and href. */
const targets = [...readme.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|(?:src|href)="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);

describe("the package page", () => {
  it("package.json names the repository, the homepage and where to report bugs, consistently", () => {
    expect(pkg.repository).toEqual({ type: "git", url: `git+${REPO}.git` });
    expect(pkg.homepage).toBe(`${REPO}#readme`);
    expect(pkg.bugs).toEqual({ url: `${REPO}/issues` });
  });

  it("every relative README link names a file that `npm pack` ships", () => {
    const [{ files }] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8" })) as [{ files: { path: string }[] }];
    const shipped = new Set(files.map((file) => file.path));
    const relative = targets.filter((t) => !/^([a-z][a-z0-9+.-]*:|#)/i.test(t)).map((t) => decodeURIComponent(t.split("#")[0]!.replace(/^\.\//, "")));
    expect(relative.length).toBeGreaterThan(0);
    for (const path of relative) expect(shipped, `${path} is linked from README.md`).toContain(path);
  }, 60_000);

  it("every absolute link into this project's repository names a file that exists", () => {
    const own = targets.flatMap(
      (t) =>
        /^https:\/\/(?:raw\.githubusercontent\.com\/huaweicloud-meeting-control\/huaweicloud-meeting-control\/main|github\.com\/huaweicloud-meeting-control\/huaweicloud-meeting-control\/blob\/main)\/([^#?]+)/.exec(
          t,
        )?.[1] ?? [],
    );
    expect(own.length).toBeGreaterThan(0);
    for (const path of own) expect(existsSync(join(root, path)), `${path} is linked from README.md`).toBe(true);
  });

  it("every in-page README link names a heading", () => {
    const slug = (heading: string) =>
      heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, "")
        .replace(/ /g, "-");
    const anchors = new Set([...readme.matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]!)));
    for (const target of targets.filter((t) => t.startsWith("#"))) expect(anchors, `${target} is linked from README.md`).toContain(target.slice(1));
  });
});
