// Only the type-aware checks Biome cannot make (it does not see the types of node_modules, so it
// misses a floating `readFile()` or `expect(p).resolves`). Formatting and every other rule: biome.json.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist", "src/generated", "node_modules", ".profiles", ".stryker-tmp", "reports"] },
  {
    files: ["src/**/*.ts", "scripts/**/*.ts", "bench/**/*.ts", "test/**/*.ts"],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  // Type tests are compiled, never run: their calls are there to be type-checked, not awaited.
  { files: ["**/*.test-d.ts"], rules: { "@typescript-eslint/no-floating-promises": "off" } },
);
