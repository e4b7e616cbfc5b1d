// The vitest config `npm run mutate` hands StrykerJS: only the test files the current module's
// row names (MUTATE_TEST_FILES, comma-separated), and no globalSetup: none of those files needs
// Prism or the packed tarball, and starting them for each of Stryker's runners cost minutes.
import { defineConfig } from "vitest/config";

const files = (process.env.MUTATE_TEST_FILES ?? "").split(",").filter(Boolean);

export default defineConfig({
  test: {
    include: files.length > 0 ? files : ["test/**/*.test.ts"],
    testTimeout: 15_000,
  },
});
