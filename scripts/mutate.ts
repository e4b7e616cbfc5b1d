// `npm run mutate`: StrykerJS on the modules where a wrong branch costs most, each group run
// against the test files that exercise it (not the whole suite), then one report of every
// module's score and surviving mutants in bench/mutation.json. Not part of `npm test`.
//
// `npm run mutate -- race retry` mutates only the modules whose path holds one of those words
// (each against its group's tests) and updates only their rows in the report.
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Stryker } from "@stryker-mutator/core";
import { root } from "./prism.js";

interface Group {
  /** The modules mutated together, in one Stryker run. */
  modules: string[];
  /** The test files that exercise them: the only ones run. None of them may need Prism or the packed tarball (vitest.mutate.config.ts has no globalSetup). */
  tests: string[];
}

const groups: Group[] = [
  {
    // Redaction, and the one place an answer becomes an error (the channel's refusal too). The
    // unit files kill every mutant here: the socket suites (hostile-server, events) added none, at 4× the time.
    modules: ["src/redact.ts", "src/secrets.ts", "src/api-error.ts"],
    tests: ["test/client/redact.test.ts", "test/client/secrets.test.ts"],
  },
  {
    // The input rules, and the call pipeline that applies them (and the token phase's 401 retry).
    modules: ["src/call/input.ts", "src/call/rules.ts", "src/call/operation.ts"],
    // Unit tests on answers made in the test (operation.test.ts) and the rules called directly
    // pin these in milliseconds; the token, tracing and property suites cost seconds per mutant.
    tests: ["test/client/rules.test.ts", "test/client/operation.test.ts", "test/client/wire.test.ts", "test/client/client-options.test.ts"],
  },
  {
    modules: ["src/options.ts", "src/call/options.ts"],
    tests: ["test/client/options.test.ts", "test/client/rules.test.ts", "test/client/client-options.test.ts", "test/client/options-entries.test.ts", "test/client/wire.test.ts"],
  },
  {
    // Retry policy, the race of an attempt with its timeout and the caller's abort, the transport's retry loop, and its deadlines.
    // Unit tests only (a scripted sender, fake timers): the suites over loopback sockets take seconds per mutant.
    modules: ["src/retry.ts", "src/race.ts", "src/transport/retrying.ts", "src/transport/deadlines.ts"],
    tests: ["test/transport/race.test.ts", "test/transport/retry.test.ts", "test/transport/retrying.test.ts", "test/transport/deadlines.test.ts"],
  },
  {
    modules: ["src/events/roster.ts", "src/events/queue.ts"],
    // The channel's own suites (events.test.ts and beside it) take seconds each over loopback
    // sockets: the unit tests pin the roster and the queue down exactly, in milliseconds.
    tests: ["test/events/queue.test.ts", "test/events/roster.test.ts", "test/events/events-conditions.test.ts"],
  },
  {
    modules: ["src/token/managed.ts"],
    // The lifecycle suites run the token over loopback sockets, seconds per mutant: the unit
    // tests pin every request, instant and message down exactly, in milliseconds.
    tests: ["test/token/managed.test.ts"],
  },
];

interface ModuleReport {
  module: string;
  tests: string[];
  /** (killed + timed out) / every mutant that is not excluded, in percent, as Stryker counts it. */
  score: number;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  /** Excluded by a `// Stryker disable` comment with its reason in the source. */
  ignored: number;
  /** Mutants that did not compile or crashed the runner: not counted in the score. */
  errors: number;
  survivors: { line: number; column: number; mutator: string; replacement: string; status: string }[];
}

interface Report {
  date: string;
  node: string;
  stryker: string;
  /** Seconds per group of modules mutated together, as `modules.join(" + ")`. */
  seconds: Record<string, number>;
  modules: ModuleReport[];
}

const reportFile = join(root, "bench/mutation.json");
const filters = process.argv.slice(2);
const chosen = groups
  .map((group) => ({ ...group, modules: group.modules.filter((module) => filters.length === 0 || filters.some((filter) => module.includes(filter))) }))
  .filter((group) => group.modules.length > 0);
if (chosen.length === 0) {
  console.error(`no module matches ${filters.join(", ")}; the modules are ${groups.flatMap((g) => g.modules).join(", ")}`);
  process.exit(1);
}

/** The report as it stands: another run may have written it since this one started. */
function readReport(): Report | undefined {
  try {
    return JSON.parse(readFileSync(reportFile, "utf8")) as Report;
  } catch {
    return undefined;
  }
}

const strykerVersion = (JSON.parse(readFileSync(join(root, "node_modules/@stryker-mutator/core/package.json"), "utf8")) as { version: string }).version;
/** This run's rows and times, laid over the report's when it is written. */
const rows = new Map<string, ModuleReport>();
const seconds: Record<string, number> = {};

for (const group of chosen) {
  const name = group.modules.join(" + ");
  console.log(`\n== ${name}\n   against ${group.tests.join(", ")}`);
  // Read by vitest.mutate.config.ts in each of Stryker's test runners (they inherit the environment).
  process.env.MUTATE_TEST_FILES = group.tests.join(",");
  const options: ConstructorParameters<typeof Stryker>[0] = {
    testRunner: "vitest",
    plugins: ["@stryker-mutator/vitest-runner"],
    vitest: { configFile: "vitest.mutate.config.ts", related: false },
    mutate: group.modules,
    coverageAnalysis: "perTest",
    concurrency: 2,
    reporters: ["clear-text", "progress"],
    clearTextReporter: { allowColor: false, logTests: false, reportTests: false, reportScoreTable: true },
    // One folder per run: a run cleaning up its own must not take another's sandbox with it.
    tempDirName: `.stryker-tmp/run-${process.pid}`,
    cleanTempDir: true,
    ignorePatterns: [".stryker-tmp", "dist", "reports", "docs/index.html", ".profiles", ".runtimes", ".screenshots", "bench/mutation.json", "*.tgz"],
    timeoutMS: 10_000,
  };
  const started = Date.now();
  const results = await new Stryker(options).runMutationTest();
  seconds[name] = Math.round((Date.now() - started) / 1000);
  for (const module of group.modules) {
    const mine = results.filter((result) => relative(root, result.fileName) === module);
    const count = (status: string) => mine.filter((result) => result.status === status).length;
    const killed = count("Killed");
    const timeout = count("Timeout");
    const survived = count("Survived");
    const noCoverage = count("NoCoverage");
    const valid = killed + timeout + survived + noCoverage;
    rows.set(module, {
      module,
      tests: group.tests,
      score: valid === 0 ? 100 : Math.round(((killed + timeout) / valid) * 10_000) / 100,
      killed,
      timeout,
      survived,
      noCoverage,
      ignored: count("Ignored"),
      errors: count("CompileError") + count("RuntimeError"),
      survivors: mine
        .filter((result) => result.status === "Survived" || result.status === "NoCoverage")
        .map((result) => ({
          line: result.location.start.line,
          column: result.location.start.column,
          mutator: result.mutatorName,
          replacement: result.replacement ?? "",
          status: result.status,
        }))
        .sort((a, b) => a.line - b.line || a.column - b.column),
    });
  }
}

const order = groups.flatMap((group) => group.modules);
const previous = readReport();
const merged = new Map((previous?.modules ?? []).map((row) => [row.module, row]));
for (const [module, row] of rows) merged.set(module, row);
const report: Report = {
  date: new Date().toISOString(),
  node: process.version,
  stryker: strykerVersion,
  seconds: { ...previous?.seconds, ...seconds },
  modules: [...merged.values()].sort((a, b) => order.indexOf(a.module) - order.indexOf(b.module)),
};
writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);

console.log("\nmodule                       score  killed  survived  no coverage  ignored");
for (const row of report.modules) {
  console.log(
    `${row.module.padEnd(28)} ${row.score.toFixed(1).padStart(5)}%  ${String(row.killed + row.timeout).padStart(6)}  ${String(row.survived).padStart(8)}  ${String(row.noCoverage).padStart(11)}  ${String(row.ignored).padStart(7)}`,
  );
}
for (const [name, s] of Object.entries(report.seconds)) console.log(`${String(s).padStart(5)} s  ${name}`);
console.log("\nWritten to bench/mutation.json.");
const low = report.modules.filter((row) => row.score < 90);
if (low.length > 0) console.log(`Below 90%: ${low.map((row) => `${row.module} (${row.score}%)`).join(", ")}`);
