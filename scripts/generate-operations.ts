// npm run generate (third part): each operation's operationId by method and path, from
// openapi.yaml, for tracing: an attempt names its operation without a hand-written table.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { root } from "./prism.js";

const output = join(root, "src/generated/operations.ts");
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

const { paths } = parse(readFileSync(join(root, "openapi.yaml"), "utf8")) as { paths: Record<string, Record<string, { operationId?: string }>> };
const lines: string[] = [];
for (const [path, item] of Object.entries(paths)) {
  for (const method of METHODS) {
    const operationId = item[method]?.operationId;
    if (operationId) lines.push(`  ${JSON.stringify(`${method.toUpperCase()} ${path}`)}: ${JSON.stringify(operationId)},`);
  }
}
const banner =
  "/**\n * Each operation's operationId by `METHOD path`, generated from openapi.yaml by\n * scripts/generate-operations.ts. Do not make direct changes to the file.\n */\n\n";
writeFileSync(output, `${banner}export const operationIds = {\n${lines.join("\n")}\n} as const;\n`);
console.log(`openapi.yaml → ${output.slice(root.length + 1)}`);
