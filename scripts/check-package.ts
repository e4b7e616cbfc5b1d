// npm run check:package: pack the package as npm would publish it, then lint the tarball
// with publint and @arethetypeswrong/cli. Exits non-zero on any finding.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./prism.js";

/** Packs the package into a fresh folder and returns the tarball's path. */
export function pack(): string {
  const dir = mkdtempSync(join(tmpdir(), "pack-"));
  execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  return join(dir, readdirSync(dir).find((f) => f.endsWith(".tgz"))!);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tarball = pack();
  const bin = (name: string) => join(root, "node_modules", ".bin", name);
  execFileSync(bin("publint"), ["--strict", tarball], { stdio: "inherit" });
  // ESM-only by design; openapi.yaml and asyncapi.yaml are data files, not modules.
  execFileSync(bin("attw"), [tarball, "--profile", "esm-only", "--exclude-entrypoints", "./openapi.yaml", "./asyncapi.yaml"], { stdio: "inherit" });
}
