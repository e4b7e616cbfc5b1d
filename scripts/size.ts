// The browser entry's size, minified and gzipped, with everything it bundles (openapi-fetch included).
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { root } from "./prism.js";

export const BROWSER_BUDGET = 8 * 1024;

export async function browserEntrySize(entry = join(root, "src/browser.ts")): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { minified, gzipped } = await browserEntrySize();
  console.log(`browser entry: ${minified} B minified, ${gzipped} B min+gzip (budget ${BROWSER_BUDGET} B)`);
}
