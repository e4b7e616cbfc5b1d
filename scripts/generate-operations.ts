// npm run generate (third part): from openapi.yaml, what the facade, the transport and the CLI
// need of each operation, so that no method, retry rule or command is written by hand:
// - src/generated/operations.ts: the operation table (method, path, where each input goes,
//   its rules as compact data, whether a repeat is safe, the facade methods it backs), each
//   operationId by `METHOD path` (tracing), and why each operation may or may not be repeated.
// - src/generated/facade.ts: the handles' method types, derived from the generated
//   `operations` types, with the spec's summaries as doc comments.
// - src/generated/commands.ts: the CLI's commands: one per facade method, flags per field.
// Every control operation carries `x-facade` (the methods it backs: `method`, `summary`, and
// optionally `fixed` body fields, one `argument`, the `input` object's name in errors, `only`:
// it sends its fixed fields alone),
// `x-idempotent` and `x-idempotent-reason`. A spec that breaks them fails here, naming the operation.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { root } from "./prism.js";
import type { CommandFlag, GeneratedCommand } from "../src/cli/command.js";

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema: Schema;
  $ref?: string;
}
interface Facade {
  method: string;
  summary: string;
  fixed?: Record<string, unknown>;
  argument?: string;
  input?: string;
  only?: boolean;
}
interface Operation {
  operationId: string;
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema: Schema }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: Schema }> }>;
  "x-facade"?: Facade[];
  "x-idempotent"?: boolean;
  "x-idempotent-reason"?: string;
}

const METHODS = ["get", "put", "post", "delete", "patch"];
const CONTROL = "/v1/mmc/control/";
const TOKEN_HEADER = "X-Conference-Authorization";
/** The input rules kept: what the checker in src/call/rules.ts enforces. Anything else that constrains is refused below. */
const RULE_KEYS = [
  "type",
  "enum",
  "const",
  "format",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "pattern",
  "items",
  "minItems",
  "maxItems",
  "uniqueItems",
  "properties",
  "required",
  "additionalProperties",
  "minProperties",
  "maxProperties",
];
/** Keywords that say nothing about what may be sent. */
const IGNORED = new Set(["description", "example", "examples", "title", "deprecated", "readOnly", "writeOnly", "default", "$comment", "x-enum-descriptions"]);

const spec = parse(readFileSync(join(root, "openapi.yaml"), "utf8")) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, Schema>; parameters?: Record<string, Parameter>; requestBodies?: Record<string, unknown> };
};

const problems: string[] = [];
const problem = (where: string, what: string) => problems.push(`${where}: ${what}`);

const refName = (ref: string) => ref.split("/").pop()!;
const parameterOf = (item: Parameter): Parameter => (item.$ref ? spec.components.parameters![refName(item.$ref)]! : item);

/** A schema with its `$ref`s resolved and only the rules kept: compact data for the browser. */
function rule(schema: Schema, where: string, seen: string[] = []): Schema {
  if (typeof schema.$ref === "string") {
    const name = refName(schema.$ref);
    if (seen.includes(name)) {
      problem(where, `schema ${name} refers to itself; the input rules cannot hold a cycle`);
      return {};
    }
    return rule(spec.components.schemas![name]!, where, [...seen, name]);
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (IGNORED.has(key) || key.startsWith("x-")) continue;
    if (!RULE_KEYS.includes(key)) {
      problem(where, `the input rules do not support "${key}"`);
      continue;
    }
    if (key === "format" && value !== "int32" && value !== "int64" && value !== "password") continue;
    if (key === "additionalProperties" && value !== false) continue;
    if (key === "items") out.items = rule(value as Schema, `${where}[]`, seen);
    else if (key === "properties") {
      out.properties = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([name, item]) => [name, rule(item, `${where}.${name}`, seen)]));
    } else out[key] = value;
  }
  // An enum says all the type and format would: the browser need not carry them.
  if (out.enum) {
    delete out.type;
    delete out.format;
  }
  return out;
}

const camel = (text: string) => text[0]!.toUpperCase() + text.slice(1);
const kebab = (text: string) => text.replace(/[A-Z]+/g, (upper, at: number) => `${at ? "-" : ""}${upper.toLowerCase()}`);

/** One facade method, as the runtime builds it and the types declare it. */
interface Method {
  handle: "participant" | "conference";
  name: string;
  operationId: string;
  summary: string;
  fixed: Record<string, unknown>;
  argument?: string;
  /** The name of the input object in docs and errors: `input` unless `x-facade` says otherwise. */
  inputName: string;
  /** The remaining input fields, by where they go. */
  query: string[];
  body: string[];
  /** Whether the input (or argument) must be given: a required field remains, or the body's minProperties is not yet met. */
  inputRequired: boolean;
  answer: boolean;
  /** How many fields the operation's body has. */
  bodyFields: number;
  fields: Record<string, { rule: Schema; required: boolean; description?: string }>;
}

const table: Record<string, Schema> = {};
const operationIds: [string, string][] = [];
const reasons: Record<string, string> = {};
const methods: Method[] = [];

for (const [path, item] of Object.entries(spec.paths)) {
  for (const verb of METHODS) {
    const operation = item[verb];
    if (!operation) continue;
    const { operationId } = operation;
    const where = operationId;
    operationIds.push([`${verb.toUpperCase()} ${path}`, operationId]);
    const parameters = (operation.parameters ?? []).map(parameterOf);
    if (!path.startsWith(CONTROL) || !parameters.some((p) => p.in === "header" && p.name === TOKEN_HEADER)) continue;

    const facade = operation["x-facade"];
    const idempotent = operation["x-idempotent"];
    const reason = operation["x-idempotent-reason"];
    if (!Array.isArray(facade)) problem(where, "has no x-facade list (use [] when no facade method backs it)");
    if (typeof idempotent !== "boolean") problem(where, "has no x-idempotent: true or false");
    if (typeof reason !== "string" || !reason.trim()) problem(where, "has no x-idempotent-reason");
    reasons[operationId] = reason ?? "";

    const query: Schema = { properties: {}, required: [] };
    const descriptions: Record<string, string | undefined> = {};
    let participantIn: "query" | "body" | undefined;
    for (const parameter of parameters) {
      if (parameter.in === "header") continue;
      if (parameter.in !== "query") {
        problem(where, `parameter ${parameter.name} is in ${parameter.in}; the facade sends query, header and body only`);
        continue;
      }
      if (parameter.name === "conferenceID") continue;
      if (parameter.name === "participantID") participantIn = "query";
      (query.properties as Record<string, Schema>)[parameter.name] = rule(parameter.schema, `${where} query ${parameter.name}`);
      if (parameter.required) (query.required as string[]).push(parameter.name);
      descriptions[parameter.name] = parameter.description;
    }
    const json = operation.requestBody?.content?.["application/json"]?.schema;
    const content = operation.requestBody?.content ?? {};
    if (Object.keys(content).some((type) => type !== "application/json")) problem(where, "has a body that is not application/json");
    let body: Schema | undefined;
    if (json) {
      body = rule(json, `${where} body`);
      if (body.type !== "object" || !body.properties) problem(where, "has a body that is not an object with properties");
      // Every body is an object: said once here, not in each row.
      delete body.type;
      const resolved = json.$ref ? spec.components.schemas![refName(json.$ref as string)]! : json;
      for (const [name, schema] of Object.entries((resolved.properties ?? {}) as Record<string, Schema>)) {
        descriptions[name] =
          (schema.description as string | undefined) ?? (schema.$ref ? (spec.components.schemas![refName(schema.$ref as string)]!.description as string) : undefined);
      }
      if (body.properties && "participantID" in (body.properties as object) && !participantIn) participantIn = "body";
    }
    const answer = Boolean(operation.responses["200"]?.content?.["application/json"]);

    const entries: Schema[] = [];
    for (const entry of Array.isArray(facade) ? facade : []) {
      const [handle, name, ...rest] = String(entry.method).split(".");
      if ((handle !== "participant" && handle !== "conference") || !name || rest.length || !/^[a-z][A-Za-z0-9]*$/.test(name)) {
        problem(where, `x-facade method ${entry.method} is not participant.<name> or conference.<name>`);
        continue;
      }
      if (typeof entry.summary !== "string" || !entry.summary.trim()) problem(where, `x-facade ${entry.method} has no summary`);
      if (handle === "participant" && !participantIn) problem(where, `x-facade ${entry.method} is a participant method, but the operation takes no participantID`);
      const fixed = entry.fixed ?? {};
      const bodyFields = Object.keys((body?.properties ?? {}) as object);
      for (const key of Object.keys(fixed)) if (!bodyFields.includes(key)) problem(where, `x-facade ${entry.method} fixes ${key}, which is not a body field`);
      // The handle's participantID goes where the operation takes it: the query if it has one
      // there (a body participantID is then an input field), else the body.
      const queryPid = handle === "participant" && participantIn === "query" ? "participantID" : "";
      const bodyPid = handle === "participant" && participantIn === "body" ? "participantID" : "";
      const queryFields = Object.keys(query.properties as object).filter((field) => field !== queryPid);
      // A body of independent settings (minProperties) is met by the fields a method fixes:
      // such a method sends exactly those (lockSharing), the others being other methods' work.
      // `only: true` says the same of a method whose other fields would do nothing (admitAll).
      if (entry.only !== undefined && entry.only !== true) problem(where, `x-facade ${entry.method}: only must be true when given`);
      if (entry.only === true && Object.keys(fixed).length === 0) problem(where, `x-facade ${entry.method} sends only its fixed fields, but fixes none`);
      const settingsLike = entry.only === true || (typeof body?.minProperties === "number" && Object.keys(fixed).length >= (body.minProperties as number));
      const remainingBody = settingsLike ? [] : bodyFields.filter((field) => !(field in fixed) && field !== bodyPid);
      for (const field of remainingBody)
        if (queryFields.includes(field)) problem(where, `x-facade ${entry.method}: input field ${field} is both a query parameter and a body field`);
      const requiredOf = (field: string) =>
        ((query.required as string[]).includes(field) && queryFields.includes(field)) || ((body?.required as string[] | undefined) ?? []).includes(field);
      const remaining = [...queryFields, ...remainingBody];
      if (entry.argument !== undefined && !remaining.includes(entry.argument))
        problem(where, `x-facade ${entry.method} takes argument ${entry.argument}, which is not a remaining input field`);
      if (entry.argument !== undefined && remaining.length !== 1) {
        problem(where, `x-facade ${entry.method} takes argument ${entry.argument}, but the input has other fields too (${remaining.join(", ")})`);
      }
      const minProperties = (body?.minProperties as number | undefined) ?? 0;
      const fields: Method["fields"] = {};
      for (const field of remaining) {
        const schema = queryFields.includes(field) ? (query.properties as Record<string, Schema>)[field]! : (body!.properties as Record<string, Schema>)[field]!;
        fields[field] = { rule: schema, required: requiredOf(field), description: descriptions[field] };
      }
      methods.push({
        handle,
        name,
        operationId,
        summary: entry.summary,
        fixed,
        argument: entry.argument,
        inputName: entry.argument ?? entry.input ?? "input",
        query: queryFields,
        body: remainingBody,
        inputRequired: remaining.some(requiredOf) || (!settingsLike && minProperties > Object.keys(fixed).length),
        answer,
        bodyFields: bodyFields.length,
        fields,
      });
      const compact: Schema = { method: `${handle}.${name}` };
      if (Object.keys(fixed).length) compact.fixed = fixed;
      if (entry.argument) compact.argument = entry.argument;
      if (entry.input) compact.input = entry.input;
      if (settingsLike) compact.only = 1;
      entries.push(compact);
    }

    const row: Schema = { method: verb.toUpperCase(), path, idempotent };
    if (participantIn) row.participantID = participantIn;
    if (Object.keys(query.properties as object).length) row.query = (query.required as string[]).length ? query : { properties: query.properties };
    if (body) row.body = body;
    if (answer) row.answer = 1;
    row.facade = entries;
    table[operationId] = row;
  }
}

// Names: one method per name on each handle; one command per name on the command line.
const seen = new Map<string, string>();
for (const method of methods) {
  const key = `${method.handle}.${method.name}`;
  if (seen.has(key)) problem(method.operationId, `x-facade ${key} is also backed by ${seen.get(key)}`);
  seen.set(key, method.operationId);
}
// A command is named after its method; a name both handles have is prefixed with the handle
// (`participant-move-to-waiting-room`, `conference-move-to-waiting-room`).
const shared = new Set(methods.filter((m) => methods.some((other) => other.name === m.name && other.handle !== m.handle)).map((m) => m.name));
const commandOf = (method: Method) => kebab(shared.has(method.name) ? `${method.handle}${camel(method.name)}` : method.name);
const commandNames = new Map<string, string>();
for (const method of methods) {
  const command = commandOf(method);
  if (commandNames.has(command)) problem(method.operationId, `command ${command} is also ${commandNames.get(command)}`);
  commandNames.set(command, `${method.handle}.${method.name}`);
}

if (problems.length) {
  console.error(`openapi.yaml: the facade cannot be generated:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}

const banner = (what: string) => `/**\n * ${what}, generated from openapi.yaml by\n * scripts/generate-operations.ts. Do not make direct changes to the file.\n */\n\n`;
const literal = (value: unknown) => JSON.stringify(value);

// --- src/generated/operations.ts ------------------------------------------------------------
const operationsFile = `${banner("The operation table, each operationId by `METHOD path`, and why each operation may be repeated")}/** The rules an input value is checked by: a subset of JSON Schema, as the spec states them. */
export interface Rule {
  type?: string | readonly string[];
  enum?: readonly unknown[];
  const?: unknown;
  format?: "int32" | "int64" | "password";
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  items?: Rule;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: { readonly [field: string]: Rule };
  required?: readonly string[];
  additionalProperties?: false;
  minProperties?: number;
  maxProperties?: number;
}

/**
 * A facade method: \`handle.name\`; \`fixed\` body fields it sets itself; \`argument\`, the one
 * input field taken as its first parameter; \`input\`, its input's name in errors (default
 * \`input\`); \`only\`: it sends its fixed fields alone (a body of independent settings).
 */
export interface FacadeMethod {
  method: string;
  fixed?: { readonly [field: string]: unknown };
  argument?: string;
  input?: string;
  only?: 1;
}

/** One operation of the table. */
export interface Operation {
  method: string;
  path: string;
  idempotent: boolean;
  participantID?: "query" | "body";
  query?: Rule;
  body?: Rule;
  answer?: 1;
  facade: readonly FacadeMethod[];
}

/**
 * Every meeting-control operation the control token authorizes, by operationId: its method and
 * path, where its input goes (\`participantID\`: where the participant handle's ID goes), the
 * rules its query and body are checked by before sending, whether a repeat leaves the same state
 * (\`idempotent\`), whether it answers with a JSON body (\`answer\`), and the facade methods it backs.
 */
export const operations = {
${Object.entries(table)
  .map(([id, row]) => `  ${id}: ${literal(row)},`)
  .join("\n")}
} as const satisfies Record<string, Operation>;

/** Each operationId by \`METHOD path\`, for every operation of the spec. */
export const operationIds = {
${operationIds.map(([key, id]) => `  ${literal(key)}: ${literal(id)},`).join("\n")}
} as const;

/** Why each operation may (\`x-idempotent: true\`) or may not be sent again once it may have reached the server. */
export const idempotentReasons: Record<keyof typeof operations, string> = {
${Object.entries(reasons)
  .map(([id, reason]) => `  ${id}: ${literal(reason)},`)
  .join("\n")}
};
`;

// --- src/generated/facade.ts ----------------------------------------------------------------
const doc = (text: string, indent = "  ") => `${indent}/** ${text.trim().replace(/\*\//g, "*\\/")} */\n`;
function signature(method: Method): string {
  const { operationId: id } = method;
  const returns = method.answer ? `Promise<Answer<"${id}">>` : "Promise<void>";
  const pick = (where: "Query" | "Body", fields: string[]) => (fields.length ? `Pick<${where}<"${id}">, ${fields.map((f) => literal(f)).join(" | ")}>` : "");
  if (method.argument) {
    const where = method.query.includes(method.argument) ? "Query" : "Body";
    const optional = method.inputRequired ? "" : "?";
    return `${method.name}(${method.argument}${optional}: ${where}<"${id}">[${literal(method.argument)}], options?: O): ${returns};`;
  }
  const allBody = method.body.length > 0 && method.body.length === method.bodyFields;
  const parts = [pick("Query", method.query), allBody ? `Body<"${id}">` : pick("Body", method.body)].filter(Boolean);
  if (!parts.length) return `${method.name}(options?: O): ${returns};`;
  return `${method.name}(${method.inputName}${method.inputRequired ? "" : "?"}: ${parts.join(" & ")}, options?: O): ${returns};`;
}
const methodDoc = (method: Method) => {
  const lines = [method.summary.trim()];
  const fixed = Object.entries(method.fixed);
  if (fixed.length) lines.push(`Sends ${fixed.map(([key, value]) => `\`${key}: ${literal(value)}\``).join(", ")}.`);
  lines.push(`Operation \`${method.operationId}\`.`);
  return `  /**\n${lines.map((line) => `   * ${line.replace(/\*\//g, "*\\/")}`).join("\n")}\n   */\n`;
};
const handleInterface = (handle: Method["handle"], what: string) =>
  `${doc(what, "")}export interface ${camel(handle)}Methods<O> {\n${methods
    .filter((m) => m.handle === handle)
    .map((m) => `${methodDoc(m)}  ${signature(m)}`)
    .join("\n")}\n}\n`;
const facadeFile = `${banner("The handles' methods, typed from the `operations` of schema.d.ts")}import type { operations } from "./schema.js";

type Query<K extends keyof operations> = NonNullable<operations[K]["parameters"]["query"]>;
type Body<K extends keyof operations> = operations[K] extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;
type Answer<K extends keyof operations> = operations[K]["responses"] extends { 200: { content: { "application/json": infer A } } } ? A : never;

${handleInterface("participant", "The methods of `conf.participant(pid)`: each sends the participant's ID where its operation takes it. `O` is the per-call options.")}
${handleInterface("conference", "The conference handle's generated methods. `O` is the per-call options.")}`;

// --- src/generated/commands.ts --------------------------------------------------------------
/** A rule's type, or for an enum (whose rule carries no type) the type of its values. */
const typeOf = (schema: Schema | undefined): string => {
  const values = schema?.enum as unknown[] | undefined;
  if (values?.length) return values.every((v) => Number.isInteger(v)) ? "integer" : values.every((v) => typeof v === "boolean") ? "boolean" : "string";
  return String(schema?.type ?? "string");
};
/** A description's first sentence, on one line: the text before its list of values. */
const firstSentence = (description = "") => {
  const text = description
    .split(/\n\s*(?:- |\n)/)[0]!
    .replace(/\s+/g, " ")
    .replace(/`/g, "")
    .trim();
  return (/^.*?\.(?= |$)/.exec(text)?.[0] ?? text).replace(/[.:]$/, "");
};
const flagOf = (field: string, { rule: schema, required, description }: Method["fields"][string]): CommandFlag => {
  const type = typeOf(schema);
  const itemType = typeOf(schema.items as Schema | undefined);
  const values = schema.enum as unknown[] | undefined;
  const describe = [firstSentence(description), values ? `(${values.join(", ")})` : ""].filter(Boolean).join(" ");
  const flag: CommandFlag = { flag: kebab(field), field, type, describe };
  if (required) flag.required = true;
  if (type === "array") {
    if (itemType === "object" || itemType === "array") flag.json = true;
    else {
      flag.list = true;
      flag.type = itemType;
    }
  }
  if (type === "object") flag.json = true;
  return flag;
};
const commands: GeneratedCommand[] = methods.map((method) => ({
  command: commandOf(method),
  method: `${method.handle}.${method.name}`,
  operationId: method.operationId,
  summary: method.summary.trim(),
  ...(method.argument && { argument: method.argument }),
  ...(method.inputName !== "input" && !method.argument && { input: method.inputName }),
  ...(method.answer && { answer: true }),
  flags: Object.entries(method.fields).map(([field, value]) => flagOf(field, value)),
}));
const commandsFile = `${banner("The CLI's commands, one per facade method")}import type { GeneratedCommand } from "../cli/command.js";

export type { CommandFlag, GeneratedCommand } from "../cli/command.js";

export const commands: GeneratedCommand[] = ${JSON.stringify(commands, null, 2)};
`;

writeFileSync(join(root, "src/generated/operations.ts"), operationsFile);
writeFileSync(join(root, "src/generated/facade.ts"), facadeFile);
writeFileSync(join(root, "src/generated/commands.ts"), commandsFile);
console.log("openapi.yaml → src/generated/operations.ts, facade.ts, commands.ts");
