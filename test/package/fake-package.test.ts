// The fake ships on its own subpath: the main entries never hold it, and it runs where code
// generation from strings is forbidden.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { root } from "../../scripts/prism.js";

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

describe("huaweicloud-meeting-control/testing", () => {
  it("is its own export, with types", () => {
    expect(pkg.exports["./testing"]).toEqual({ types: "./dist/testing/index.d.ts", default: "./dist/testing/index.js" });
    expect(pkg.peerDependenciesMeta.ws).toEqual({ optional: true });
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["openapi-fetch", "undici"]);
  });

  it.each(["node", "browser", "universal", "cli/bin"])("is not in the %s entry's bundle, nor its dependencies", async (entry) => {
    const { metafile } = await build({
      entryPoints: [join(root, "src", `${entry}.ts`)],
      bundle: true,
      write: false,
      splitting: true,
      outdir: join(root, "dist-probe"),
      format: "esm",
      platform: "neutral",
      metafile: true,
      external: ["openapi-fetch", "undici", "node:*"],
      logLevel: "silent",
    });
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((input) => input.startsWith("src/"))).toBe(true); // the bundle is real
    expect(inputs.filter((input) => input.startsWith("src/testing/") || input.includes("validators") || input.includes("node_modules/"))).toEqual([]);
    const imports = new Set(Object.values(metafile.outputs).flatMap(({ imports }) => imports.filter(({ external }) => external).map(({ path }) => path)));
    expect([...imports].filter((path) => !/^(openapi-fetch|undici|node:.*)$/.test(path))).toEqual([]);
  });

  it("runs the whole story with code generation from strings forbidden", async () => {
    const { stdout } = await run(process.execPath, ["--disallow-code-generation-from-strings", "--import", "tsx", "test/support/fixtures/fake-without-codegen.ts"], { cwd: root });
    const result = JSON.parse(stdout.trim().split("\n").at(-1)!);
    expect(result.codegen).toBe("EvalError"); // the flag was in force
    expect(result.refused).toBe(400);
    expect(result.statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 400]);
  });

  it("compiling a schema at run time would fail there: the validators are compiled ahead", async () => {
    const script = 'import { Ajv2020 } from "ajv/dist/2020.js"; new Ajv2020().compile({ type: "string" });';
    const failed = await run(process.execPath, ["--disallow-code-generation-from-strings", "--input-type=module", "-e", script], { cwd: root }).catch(
      (error: { stderr: string }) => error,
    );
    expect((failed as { stderr: string }).stderr).toMatch(/EvalError|Code generation from strings disallowed/);
  });
});

describe("the README's Testing your app example", () => {
  it("is test/fake/fake-readme-example.test.ts, but for the import paths", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const start = readme.indexOf("// invite.test.ts\n");
    const example = readme.slice(start + "// invite.test.ts\n".length, readme.indexOf("```", start));
    const test = readFileSync(join(root, "test/fake/fake-readme-example.test.ts"), "utf8")
      .replace(/^(\/\/.*\n)+/, "")
      .replace('"../../src/testing/index.js"', '"huaweicloud-meeting-control/testing"')
      .replace('"../../src/node.js"', '"huaweicloud-meeting-control"');
    expect(start).toBeGreaterThan(0);
    expect(test).toBe(example);
  });
});
