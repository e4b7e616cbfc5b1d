// npm run build: dist/ — each entry bundled into one ESM file by esbuild (fewer files to load
// at start-up), with source maps; declarations from tsc. Runtime dependencies stay external.
// Each entry is built on its own with code splitting: what it loads with import() — the event
// channel, src/events/ — goes to a chunk of its own (dist/chunks/), loaded only by code that
// uses it, while the entry itself stays one file (no chunks shared between entries).
import { execFileSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { root } from "./prism.js";

const dist = join(root, "dist");
rmSync(dist, { recursive: true, force: true });
for (const entry of ["index", "browser", "universal", "cli/bin"]) {
  await build({
    entryPoints: [join(root, "src", `${entry}.ts`)],
    outdir: dist,
    outbase: join(root, "src"),
    bundle: true,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    format: "esm",
    platform: "neutral",
    target: "es2022",
    sourcemap: true,
    external: ["openapi-fetch", "undici", "node:*"],
    logLevel: "warning",
  });
}
execFileSync(join(root, "node_modules/.bin/tsc"), ["-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
for (const types of ["schema.d.ts", "events.d.ts"]) cpSync(join(root, "src/generated", types), join(dist, "generated", types));
