// npm test's code lint, run for real on small probe files: each command of `npm run lint:code`,
// as package.json spells it, aimed at one file instead of the whole tree.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../../scripts/prism.js";

const run = promisify(execFile);
const scripts: Record<string, string> = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts;
// A dot folder: tsc, vitest's typecheck and the package leave it alone; its tsconfig lets
// typescript-eslint type the probes with the project's own compiler settings.
const probes = join(root, "test", `.lint-probe-${process.pid}`);

const sources = {
  "clean.ts": 'import { readFile } from "node:fs/promises";\n\nexport async function read(): Promise<string> {\n  return await readFile("x", "utf8");\n}\n',
  "unformatted.ts": "export const answer = { value : 42 }\n",
  "floating.ts": 'import { readFile } from "node:fs/promises";\n\nexport function read(): void {\n  readFile("x", "utf8");\n}\n',
  "misused.ts":
    'import { readFile } from "node:fs/promises";\n\nexport function readAll(paths: string[]): void {\n  paths.forEach(async (path) => {\n    await readFile(path);\n  });\n}\n',
};
type Probe = keyof typeof sources;
/** Per probe: "" when every command of lint:code passes it, else the failing command and its report. */
const verdicts = {} as Record<Probe, string>;

/** Runs `command` (its final "." replaced by the probes); the report for each probe it fails. */
async function lint(command: string, names: Probe[]): Promise<Map<Probe, string>> {
  const [bin, ...args] = command.split(" ");
  expect(args.at(-1), command).toBe(".");
  const failed = new Map<Probe, string>();
  try {
    await run(join(root, "node_modules", ".bin", bin!), [...args.slice(0, -1), ...names.map((name) => relative(root, join(probes, name)))], { cwd: root });
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    const report = `${stdout}${stderr}`;
    for (const name of names) {
      // Both tools name the file of each problem: Biome relative to the root, ESLint absolute
      // on a line of its own, above that file's problems and a blank line.
      const file = join(probes, name);
      const at = report.indexOf(`${file}\n`);
      if (at >= 0) failed.set(name, `${command}\n${report.slice(at, report.indexOf("\n\n", at))}`);
      else if (report.includes(relative(root, file))) failed.set(name, `${command}\n${report}`);
    }
    expect(failed.size, report).toBeGreaterThan(0);
  }
  return failed;
}

beforeAll(async () => {
  mkdirSync(probes, { recursive: true });
  writeFileSync(join(probes, "tsconfig.json"), JSON.stringify({ extends: "../../tsconfig.json", include: ["*.ts"] }));
  for (const [name, source] of Object.entries(sources)) writeFileSync(join(probes, name), source);
  // One run per command over every probe still passing: a type-aware ESLint run costs seconds.
  let passing = Object.keys(sources) as Probe[];
  for (const command of scripts["lint:code"]!.split(" && ")) {
    const failed = await lint(command, passing);
    for (const [name, report] of failed) verdicts[name] = report;
    passing = passing.filter((name) => !failed.has(name));
  }
  for (const name of passing) verdicts[name] = "";
}, 180_000);
afterAll(() => rmSync(probes, { recursive: true, force: true }));

describe("npm test lints the code", () => {
  it("npm test runs lint, and lint runs lint:code", () => {
    expect(scripts.test).toMatch(/(^| )npm run lint &&/);
    expect(scripts.lint).toContain("npm run --silent lint:code");
  });

  it("passes a formatted file whose promises are awaited", () => {
    expect(verdicts["clean.ts"]).toBe("");
  });

  it("fails a badly formatted file", () => {
    expect(verdicts["unformatted.ts"]).toMatch(/^biome check/);
    expect(verdicts["unformatted.ts"]).toContain("Formatter would have printed the following content");
  });

  it("fails a floating promise from a library's types, which Biome cannot see", () => {
    expect(verdicts["floating.ts"]).toMatch(/^eslint/);
    expect(verdicts["floating.ts"]).toContain("@typescript-eslint/no-floating-promises");
  });

  it("fails an async callback where a void one is expected", () => {
    expect(verdicts["misused.ts"]).toMatch(/^eslint/);
    expect(verdicts["misused.ts"]).toContain("@typescript-eslint/no-misused-promises");
  });
});
