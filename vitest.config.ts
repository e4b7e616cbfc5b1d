import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/** The files that replace the client's own modules with vi.mock: only a fresh module graph per file lets a mock take hold. */
const MOCKING = ["test/transport/own-failures.test.ts"];

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 15_000,
    // Vitest's default is one worker less than the cores: one worker on a 2-core machine, so the
    // files ran one after another while most of them wait on child processes, sockets and timers.
    // One worker per core: with one more, the CPU-bound heap tests (200,000 conferences, 15,000
    // calls) ran past their timeouts on a busy machine. VITEST_MAX_WORKERS overrides.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || availableParallelism(),
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "tsconfig.json",
    },
    // CI reads the counts from this report to print its one summary line.
    reporters: process.env.CI ? ["default", ["json", { outputFile: "reports/vitest.json" }]] : ["default"],
    projects: [
      {
        // The test files of one worker share their modules rather than import every module
        // afresh for each file: on 2 cores the suite took about 200 s isolated, 147 s shared. No
        // test depends on a module's state being new (each makes its own clients, servers and
        // fakes), and the whole suite passes either way; the files that mock modules keep theirs.
        extends: true,
        test: { name: "shared", isolate: false, exclude: MOCKING },
      },
      {
        // Runs without the global set-up: these files use no Prism and no packed tarball.
        test: { name: "isolated", include: MOCKING, isolate: true, testTimeout: 15_000 },
      },
    ],
  },
});
