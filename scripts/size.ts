// The browser entry's size, minified and gzipped, as a bundler with code splitting builds it,
// openapi-fetch included: the up-front part (the entry and every chunk it imports statically,
// gzipped as one stream, as an app's bundler merges them) is what the budget holds; the event
// channel, behind import(), is a chunk of its own, measured apart. Every call path is up front:
// a budget never moves one behind import() (a call must not depend on loading code).
import { build, type Metafile } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { root } from "./prism.js";

/**
 * The bound the size test holds: 15 KiB min+gzip up front with the whole API surface. The
 * target is 12 KiB, and it is NOT met: with every call path up front (no import() on a call
 * path), the 45 operations' table of input rules, retry rules and methods is about 2.8 KB
 * gzipped and the one pipeline that runs them about 2.3 KB, on top of openapi-fetch's 2.6 KB;
 * the plain code measures about 14.6 KB. The bound sits just above that, so that any growth
 * still fails the test, until the target is decided again (see CHANGELOG).
 */
export const BROWSER_BUDGET = 15 * 1024;

export interface Size {
  minified: number;
  gzipped: number;
}

/**
 * The up-front code of `entry` and the chunks it loads only with import() (the event channel),
 * each minified and gzipped; `upFrontSources` and `lazySources` are the source files each
 * holds, and `lazyEntries` the sources that an import() loads.
 */
export async function browserEntrySize(
  entry = join(root, "src/browser.ts"),
): Promise<Size & { lazy: Size; upFrontSources: string[]; lazySources: string[]; lazyEntries: string[] }> {
  const outdir = mkdtempSync(join(tmpdir(), "size-"));
  try {
    const result = await build({
      entryPoints: [entry],
      absWorkingDir: root,
      outdir,
      bundle: true,
      splitting: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    // The metafile names outputs relative to the working directory.
    const files = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
    const outputs = (result.metafile as Metafile).outputs;
    const start = Object.keys(outputs).find((name) => outputs[name]!.entryPoint)!;
    // The up-front part: the entry and, transitively, what it imports statically.
    const upFront = new Set<string>();
    const visit = (name: string) => {
      if (upFront.has(name)) return;
      upFront.add(name);
      for (const { path, kind } of outputs[name]!.imports) if (kind === "import-statement" && outputs[path]) visit(path);
    };
    visit(start);
    const measure = (names: string[]): Size => {
      const code = Buffer.concat(names.map((name) => files.get(resolve(root, name))!));
      return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
    };
    const lazy = Object.keys(outputs).filter((name) => !upFront.has(name) && name.endsWith(".js"));
    const sources = (names: Iterable<string>) => [...names].flatMap((name) => Object.keys(outputs[name]!.inputs));
    const lazyEntries = lazy.flatMap((name) => outputs[name]!.entryPoint ?? []);
    return { ...measure([...upFront]), lazy: measure(lazy), upFrontSources: sources(upFront), lazySources: sources(lazy), lazyEntries };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { minified, gzipped, lazy } = await browserEntrySize();
  console.log(`browser entry, up front: ${minified} B minified, ${gzipped} B min+gzip (budget ${BROWSER_BUDGET} B)`);
  console.log(`chunks loaded on first use (the event channel): ${lazy.minified} B minified, ${lazy.gzipped} B min+gzip`);
}
