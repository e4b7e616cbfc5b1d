// npm run build: dist/ — each entry bundled into ESM by esbuild, with source maps; declarations
// from tsc. Each entry is built on its own: no chunks are shared between entries.
import { execFileSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build, type BuildOptions } from "esbuild";
import { root } from "./prism.js";

const dist = join(root, "dist");
rmSync(dist, { recursive: true, force: true });
const common: BuildOptions = {
  outdir: dist,
  outbase: join(root, "src"),
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  sourcemap: true,
  external: ["openapi-fetch", "undici", "node:*"],
  logLevel: "warning",
};
// The Node entry is one file, openapi-fetch's code included: each file and each bare specifier
// resolved from node_modules costs start-up time (about 2 ms for the chunks, 3 ms for
// openapi-fetch; npm run bench). What it loads with import() is in that file, evaluated only
// when first used; its size does not matter on a server. The other entries keep openapi-fetch
// external, so that a page's bundler shares it with the page's own copy, and split what they
// load with import() (the event channel, src/events/, …) into chunks of their own
// (dist/chunks/), loaded only by code that uses it. openapi-fetch stays a dependency either
// way: the types of `meeting.api` come from it.
await build({ ...common, external: ["undici", "node:*"], entryPoints: [join(root, "src/node.ts")] });
for (const entry of ["browser", "universal", "cli/bin", "stores/redis"]) {
  await build({ ...common, entryPoints: [join(root, "src", `${entry}.ts`)], splitting: true, chunkNames: "chunks/[name]-[hash]" });
}
// The fake (huaweicloud-meeting-control/testing), bundled on its own so the main entries never
// hold it. Its error classes come from the package's main entry, so `instanceof MeetingError`
// holds across both; `ws` is an optional peer dependency, loaded only by listen().
await build({
  ...common,
  entryPoints: [join(root, "src/testing/index.ts")],
  external: [...common.external!, "ws", "huaweicloud-meeting-control"],
  plugins: [
    {
      name: "errors-from-the-main-entry",
      setup(plugin) {
        plugin.onResolve({ filter: /\/errors\.js$/ }, ({ importer }) =>
          importer.includes(join("src", "testing")) ? { path: "huaweicloud-meeting-control", external: true } : undefined,
        );
      },
    },
  ],
});
execFileSync(join(root, "node_modules/.bin/tsc"), ["-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
for (const file of ["schema.d.ts", "events.d.ts", "validators.d.ts"]) cpSync(join(root, "src/generated", file), join(dist, "generated", file));
