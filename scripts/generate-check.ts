// npm run generate:check: src/generated/ is what `npm run generate` makes of the specs, as
// committed. Regenerating takes seconds, so a check that passed is remembered under a hash of
// everything the outcome depends on: the specs, the generators, the installed versions
// (package-lock.json), the generate command, and src/generated/ both on disk and in git's index.
// The same hash again means the same outcome; any change to one of them runs the check for real.
// `--force` always runs it.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./prism.js";

const generated = join(root, "src", "generated");
const cache = join(root, "node_modules", ".cache", "huaweicloud-meeting-control", "generate-check");

/** A hash of every input of the check, file names included. */
function inputsHash(): string {
  const hash = createHash("sha256");
  const add = (label: string, content: string | Buffer) => {
    hash.update(`${label}\0${content.length}\0`);
    hash.update(content);
  };
  const scripts = readdirSync(join(root, "scripts")).filter((name) => name.startsWith("generate-") || name === "prism.ts");
  const files = ["openapi.yaml", "asyncapi.yaml", "package-lock.json", ...scripts.sort().map((name) => `scripts/${name}`)];
  for (const file of files) add(file, readFileSync(join(root, file)));
  add("generate command", JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts.generate);
  for (const name of readdirSync(generated).sort()) add(`src/generated/${name}`, readFileSync(join(generated, name)));
  // What `git diff` compares against: the index's version of each generated file.
  add("index", execFileSync("git", ["ls-files", "--stage", "--", "src/generated"], { cwd: root }));
  return hash.digest("hex");
}

const before = inputsHash();
const stamp = join(cache, before);
if (!process.argv.includes("--force") && existsSync(stamp)) {
  console.log("src/generated/ is up to date (checked before with the same specs, generators and files)");
} else {
  try {
    execFileSync("npm", ["run", "--silent", "generate"], { cwd: root, stdio: "inherit" });
    execFileSync("git", ["diff", "--exit-code", "--", "src/generated/"], { cwd: root, stdio: "inherit" });
  } catch (error) {
    // Each command has printed its own report (the diff, or the generator's error).
    process.exit((error as { status?: number }).status ?? 1);
  }
  // Passed: the files were regenerated identical to the index. Remembered only if nothing moved meanwhile.
  if (inputsHash() === before) {
    mkdirSync(cache, { recursive: true });
    writeFileSync(stamp, `${new Date().toISOString()}\n`);
  }
}
