// npm run build: dist/ — each entry bundled into one ESM file by esbuild (fewer files to load
// at start-up), with source maps; declarations from tsc. Runtime dependencies stay external.
import { execFileSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { root } from "./prism.js";

const dist = join(root, "dist");
rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: ["index", "browser", "universal", "cli/bin", "stores/redis"].map((entry) => join(root, "src", `${entry}.ts`)),
  outdir: dist,
  outbase: join(root, "src"),
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  sourcemap: true,
  external: ["openapi-fetch", "undici", "node:*"],
  logLevel: "warning",
});
execFileSync(join(root, "node_modules/.bin/tsc"), ["-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
cpSync(join(root, "src/generated/schema.d.ts"), join(dist, "generated/schema.d.ts"));
