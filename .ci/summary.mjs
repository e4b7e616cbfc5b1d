// Prints `N passed, N failed` from vitest's JSON report. A failing step before or outside
// vitest (lint, generate:check, tsc, a type error) counts as one failure, so the line
// never reads green when the run was red.
import { existsSync, readFileSync } from "node:fs";

const status = Number(process.argv[2] ?? 1);
let passed = 0;
let failed = 0;
if (existsSync("reports/vitest.json")) {
  const report = JSON.parse(readFileSync("reports/vitest.json", "utf8"));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
