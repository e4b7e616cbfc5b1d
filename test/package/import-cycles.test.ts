import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const src = resolve(import.meta.dirname, "../../src");

/** Every .ts file under src/ (declaration files and the generated ones included: they can close a circle too). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/**
 * The files of src/ that `file` imports: static imports, `import type`, `export … from`, and
 * `import()` (a lazy import is an arrow as well), each resolved from its `.js` specifier.
 */
function importsOf(file: string, known: Set<string>): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  const found: string[] = [];
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith(".")) continue;
    const base = resolve(dirname(file), fileName.replace(/\.js$/, ""));
    const target = [`${base}.ts`, `${base}.d.ts`, join(base, "index.ts")].find((candidate) => known.has(candidate));
    if (target) found.push(target);
  }
  return found;
}

/** Every circle in the import graph, each as the files along it (the first repeated at the end). */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (file: string) => {
    if (onPath.has(file)) {
      found.push([...path.slice(path.indexOf(file)), file]);
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    onPath.add(file);
    for (const next of graph.get(file) ?? []) visit(next);
    path.pop();
    onPath.delete(file);
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return found;
}

describe("the import graph of src/", () => {
  const files = sources(src);
  const known = new Set(files);
  const graph = new Map(files.map((file) => [file, importsOf(file, known)]));

  it("is real: the entries reach the client, the transport and the errors", () => {
    expect(graph.get(join(src, "node.ts"))).toContain(join(src, "client.ts"));
    expect(graph.get(join(src, "transport/retrying.ts"))).toContain(join(src, "errors.ts"));
    // A type-only import counts as much as any other.
    expect(graph.get(join(src, "transport/retrying.ts"))).toContain(join(src, "log.ts"));
  });

  it("has no circle, type-only imports and import() included", () => {
    const named = circles(graph).map((circle) => circle.map((file) => relative(src, file)).join(" → "));
    expect(named).toEqual([]);
  });

  it("finds a circle where there is one", () => {
    const a = join(src, "a.ts");
    const b = join(src, "b.ts");
    expect(
      circles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ).length,
    ).toBe(1);
  });
});
