// npm run generate (third part): the fake's validators, compiled from openapi.yaml and
// asyncapi.yaml by Ajv (JSON Schema 2020-12) into standalone ESM code, so that the fake never
// compiles code at run time (it runs under --disallow-code-generation-from-strings). Ajv's few
// run-time helpers are bundled in by esbuild: the output imports nothing.
// Writes src/generated/validators.js, its .d.ts, and the operations table the fake routes by.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { _, Ajv2020 } from "ajv/dist/2020.js";
import standalone from "ajv/dist/standalone/index.js";
import { build } from "esbuild";
import { parse } from "yaml";
import { root } from "./prism.js";

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: "query" | "header" | "path" | "cookie";
  required?: boolean;
  schema: Schema;
}
interface Operation {
  operationId: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema: Schema }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: Schema }> }>;
}

// The integer formats the spec uses, as Ajv formats: a value outside the range is a violation.
// The same functions' source text goes into the generated file (code.formats below).
const int32 = (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647;
const int64 = (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 63;
// `password` only marks a secret (setRole's chairmanPwd): any string is valid.
const formats = { int32: { type: "number" as const, validate: int32 }, int64: { type: "number" as const, validate: int64 }, password: true as const };
const formatsSource = `{ int32: { type: "number", validate: ${int32} }, int64: { type: "number", validate: ${int64} }, password: true }`;

const openapi = parse(readFileSync(join(root, "openapi.yaml"), "utf8")) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; parameters: Record<string, Parameter>; responses: Record<string, { content?: Record<string, { schema: Schema }> }> };
};
const asyncapi = parse(readFileSync(join(root, "asyncapi.yaml"), "utf8")) as { components: { schemas: Record<string, Schema> } };

/** Rewrites `#/components/schemas/X` to `<id>#/$defs/X`, so each document's schemas live under one id. */
const rebase = (value: unknown, id: string): unknown =>
  Array.isArray(value)
    ? value.map((item) => rebase(item, id))
    : value && typeof value === "object"
      ? Object.fromEntries(
          Object.entries(value).map(([key, item]) => [key, key === "$ref" && typeof item === "string" ? item.replace("#/components/schemas/", `${id}#/$defs/`) : rebase(item, id)]),
        )
      : value;
const resolve = <T>(item: T | { $ref: string }, section: Record<string, T>): T => {
  const ref = (item as { $ref?: string }).$ref;
  return ref ? section[ref.split("/").pop()!]! : (item as T);
};

const resolveSchema = (schema: Schema): Schema => (typeof schema.$ref === "string" ? openapi.components.schemas[schema.$ref.split("/").pop()!]! : schema);

const ajv = new Ajv2020({
  allErrors: true,
  strictTypes: false,
  formats,
  code: { source: true, esm: true, formats: _`formats`, lines: true },
});
ajv.addKeyword("example");
ajv.addSchema({ $id: "openapi", $defs: rebase(openapi.components.schemas, "openapi") as Schema });
ajv.addSchema({ $id: "asyncapi", $defs: rebase(asyncapi.components.schemas, "asyncapi") as Schema });

const exports: Record<string, string> = {};
const add = (name: string, schema: Schema) => {
  ajv.addSchema({ ...(rebase(schema, "openapi") as Schema), $id: name }, name);
  exports[name] = name;
};

// The table the fake routes by: for each operation its method, path, parameters (with the
// type to read a string as), body and the response statuses the spec declares.
const operations: Record<string, unknown> = {};
for (const [path, methods] of Object.entries(openapi.paths)) {
  for (const [method, operation] of Object.entries(methods)) {
    const { operationId } = operation;
    const parameters = (operation.parameters ?? []).map((item) => resolve(item, openapi.components.parameters));
    for (const where of ["query", "header"] as const) {
      const own = parameters.filter((parameter) => parameter.in === where);
      add(`${operationId}_${where}`, {
        type: "object",
        properties: Object.fromEntries(own.map((parameter) => [parameter.name, parameter.schema])),
        required: own.filter((parameter) => parameter.required).map((parameter) => parameter.name),
      });
    }
    const body = operation.requestBody?.content?.["application/json"]?.schema;
    if (body) add(`${operationId}_body`, body);
    const responses: Record<string, "json" | "empty"> = {};
    for (const [status, item] of Object.entries(operation.responses)) {
      const response = resolve(item, openapi.components.responses as Record<string, { content?: Record<string, { schema: Schema }> }>);
      const schema = response.content?.["application/json"]?.schema;
      responses[status] = schema ? "json" : "empty";
      if (schema) add(`${operationId}_${status}`, schema);
    }
    operations[operationId] = {
      method: method.toUpperCase(),
      path,
      parameters: parameters.map(({ name, in: where, required = false, schema }) => ({ name, in: where, required, type: schema.type ?? "string" })),
      body: body ? { required: operation.requestBody?.required ?? false, fields: Object.keys((resolveSchema(body).properties as object | undefined) ?? {}) } : null,
      responses,
    };
  }
}
for (const name of ["SubscribeFrame", "SubscribeData", "HeartBeatFrame", "ReplyFrame", "ParticipantsNotify", "ConfDynamicInfoNotify", "WaitingListNotify", "InviteResultNotify"]) {
  ajv.addSchema({ $ref: `asyncapi#/$defs/${name}`, $id: `event_${name}` }, `event_${name}`);
  exports[`event_${name}`] = `event_${name}`;
}

const banner = "// The fake's validators, compiled from openapi.yaml and asyncapi.yaml by scripts/generate-validators.ts.\n// Do not make direct changes to the file.\n";
const source = `const formats = ${formatsSource};\n${standalone.default(ajv, exports)}\nexport const operations = ${JSON.stringify(operations, null, 2)};\n`;
const bundled = await build({
  stdin: { contents: source, resolveDir: root, sourcefile: "validators.js", loader: "js" },
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  write: false,
  legalComments: "none",
  logLevel: "warning",
  // Module paths in the output as seen from the checkout (node_modules/…), the same in every clone,
  // even where node_modules is a link to another checkout's.
  preserveSymlinks: true,
});
const output = join(root, "src/generated/validators.js");
writeFileSync(output, banner + bundled.outputFiles[0]!.text);

const operationType = `{
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly { readonly name: string; readonly in: "query" | "header" | "path" | "cookie"; readonly required: boolean; readonly type: string }[];
  readonly body: { readonly required: boolean; readonly fields: readonly string[] } | null;
  readonly responses: Readonly<Record<string, "json" | "empty">>;
}`;
const declarations = `${banner}
/** One failed check, as Ajv reports it. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
/** A compiled schema: true when the data is valid, else false with \`errors\` set. */
export interface Validator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}
${Object.keys(exports)
  .map((name) => `export declare const ${name}: Validator;`)
  .join("\n")}
/** openapi.yaml's operations, by operationId. */
export declare const operations: {
${Object.keys(operations)
  .map((id) => `  readonly ${id}: ${operationType.replace(/\n/g, "\n  ")};`)
  .join("\n")}
};
`;
writeFileSync(output.replace(/\.js$/, ".d.ts"), declarations);
console.log(`openapi.yaml, asyncapi.yaml → ${output.slice(root.length + 1)} (${Object.keys(exports).length} validators)`);
