// Once per run, for every test file: one Prism mock of openapi.yaml, a dist/ no older than its
// sources, and one packed tarball of it. Tests share them through inject(): no file starts its
// own Prism, builds, or packs (`npm pack` would rebuild dist/ through prepack, under the feet of
// the files that run beside it).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { TestProject } from "vitest/node";
import { root, startPrism } from "../../scripts/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
    /** The package as `npm pack` makes it from the current dist/. */
    tarball: string;
  }
}

/** Every file under `dir`, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Builds dist/ (npm run build) when it is missing or any of its inputs changed after it was built. */
function ensureBuilt(): void {
  const dist = join(root, "dist");
  const inputs = [...files(join(root, "src")), ...["scripts/build.ts", "tsconfig.json", "tsconfig.build.json", "package.json"].map((file) => join(root, file))];
  if (existsSync(dist)) {
    const built = Math.min(...files(dist).map((file) => statSync(file).mtimeMs));
    const changed = Math.max(...inputs.map((file) => statSync(file).mtimeMs));
    if (changed < built) return;
  }
  execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
}

/** Packs dist/ as it is (no prepack: ensureBuilt() made it current) into a fresh folder. */
function pack(): string {
  const dir = mkdtempSync(join(tmpdir(), "pack-"));
  execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", dir], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  return join(dir, readdirSync(dir).find((file) => file.endsWith(".tgz"))!);
}

export default async function setup(project: TestProject) {
  const starting = startPrism();
  let tarball: string;
  try {
    ensureBuilt();
    tarball = pack();
  } catch (error) {
    await starting.then((prism) => prism.stop()).catch(() => undefined);
    throw error;
  }
  const prism = await starting;
  project.provide("prismUrl", prism.url);
  project.provide("tarball", tarball);
  return async () => {
    rmSync(dirname(tarball), { recursive: true, force: true });
    await prism.stop();
  };
}
