import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../../scripts/prism.js";

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

describe("package.json", () => {
  it("has two runtime dependencies: openapi-fetch (minor line) and undici 7 (Node 20; 8 needs Node 22)", () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["openapi-fetch", "undici"]);
    expect(pkg.dependencies["openapi-fetch"]).toBe("~0.17.0");
    expect(pkg.dependencies.undici).toMatch(/^\^7\./);
  });

  it("pins the toolchain to the majors that run on Node 20", () => {
    expect(pkg.devDependencies["@stoplight/prism-cli"]).toBe("5.14.2");
    expect(pkg.devDependencies.typescript).toMatch(/^~5\.9\./);
    expect(pkg.devDependencies.vitest).toMatch(/^~4\.1\./);
    expect(pkg.devDependencies["@redocly/cli"]).toMatch(/^~2\.77\./);
    expect(pkg.devDependencies["openapi-typescript"]).toMatch(/^~7\.13\./);
  });
});
