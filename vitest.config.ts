import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

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
  },
});
