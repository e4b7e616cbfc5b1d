// npm run generate (second half): the event channel's types, from asyncapi.yaml.
// The AsyncAPI project's own parser validates the document; its message schemas then go
// through openapi-typescript, the same generator as the REST types, wrapped as the
// components of an otherwise empty OpenAPI document (the `#/components/schemas/…`
// references mean the same thing in both).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Parser } from "@asyncapi/parser";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";
import { root } from "./prism.js";

const source = join(root, "asyncapi.yaml");
const output = join(root, "src/generated/events.d.ts");

const text = readFileSync(source, "utf8");
const { document, diagnostics } = await new Parser().parse(text, { source });
// Severity 0 is an error, 1 a warning: either fails the generation.
const problems = diagnostics.filter((diagnostic) => diagnostic.severity <= 1);
if (!document || problems.length > 0) {
  for (const problem of problems) console.error(`asyncapi.yaml ${problem.path.join(".")}: ${problem.message}`);
  process.exit(1);
}

const { components, info } = parse(text) as { components: { schemas: Record<string, unknown> }; info: { title: string; version: string } };
const ast = await openapiTS({ openapi: "3.1.0", info, paths: {}, components: { schemas: components.schemas } } as never);
const banner =
  "/**\n * The meeting-control event channel's message types, generated from asyncapi.yaml by\n * scripts/generate-events.ts. Do not make direct changes to the file.\n */\n\n";
writeFileSync(output, banner + astToString(ast));
console.log(`asyncapi.yaml → ${output.slice(root.length + 1)}`);
