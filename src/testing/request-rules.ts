// Validation both ways, with the validators compiled from the spec at generate time: a request
// that breaks openapi.yaml gives violations naming each field as a JSON pointer
// (`/query/conferenceID`, `/header/X-Password`, `/body/share`); a response or a frame the fake
// itself produces that breaks a spec throws, so the fake cannot drift from it.
import * as validators from "../generated/validators.js";
import type { SchemaError, Validator } from "../generated/validators.js";

export const { operations } = validators;
export type OperationId = keyof typeof operations;

const byName = validators as unknown as Record<string, Validator | undefined>;

/** Thrown when the fake is about to answer something its spec does not allow. A bug in the fake. */
export class SpecDriftError extends Error {
  override name = "SpecDriftError";
}

const escapeKey = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** Each error as `<pointer>: <message>`, the pointer naming the field (a missing or extra property included). */
function describe(prefix: string, errors: SchemaError[] | null | undefined): string[] {
  return (errors ?? []).map(({ instancePath, keyword, params, message }) => {
    const key = keyword === "required" ? params.missingProperty : keyword === "additionalProperties" ? params.additionalProperty : undefined;
    const pointer = `${prefix}${instancePath}${typeof key === "string" ? `/${escapeKey(key)}` : ""}`;
    return `${pointer}: ${message ?? keyword}`;
  });
}

export interface Incoming {
  query: URLSearchParams;
  headers: Headers;
  /** The body's text; "" when there is none. */
  text: string;
}

/**
 * A parameter's string as its schema's type: a number only when the text is that number's own
 * spelling ("1", never "01", "1.0" or "1e0"), else left as it is and refused by the schema. A
 * server that reads "01" as 1 accepts what the spec's `const: 1` does not.
 */
function read(text: string, type: string): unknown {
  if (type !== "integer" && type !== "number") return text;
  const number = Number(text);
  return text !== "" && String(number) === text ? number : text;
}

/** The violation for a body that is not `application/json`: the front end answers it with 415. */
export const NOT_JSON = "/body: must be sent as application/json";

/** `application/json`, with or without parameters (`; charset=utf-8`); `application/json-seq` and `+json` types are not. */
const isJson = (contentType: string | null) => (contentType ?? "").split(";")[0]!.trim().toLowerCase() === "application/json";

/** The request's parameters and body, and every way in which they break the spec. */
export function checkRequest(
  operationId: OperationId,
  incoming: Incoming,
): { query: Record<string, unknown>; headers: Record<string, unknown>; body: unknown; violations: string[] } {
  const operation = operations[operationId];
  const query: Record<string, unknown> = {};
  const headers: Record<string, unknown> = {};
  const violations: string[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in === "query") {
      const values = incoming.query.getAll(parameter.name);
      if (values.length > 1) violations.push(`/query/${escapeKey(parameter.name)}: must be given once`);
      if (values.length > 0) query[parameter.name] = read(values[0]!, parameter.type);
    } else if (parameter.in === "header") {
      const value = incoming.headers.get(parameter.name);
      if (value !== null) headers[parameter.name] = read(value, parameter.type);
    }
  }
  const check = (name: string, prefix: string, data: unknown) => {
    const validate = byName[name];
    if (validate && !validate(data)) violations.push(...describe(prefix, validate.errors));
  };
  check(`${operationId}_query`, "/query", query);
  check(`${operationId}_header`, "/header", headers);
  let body: unknown;
  if (operation.body) {
    if (incoming.text === "") {
      if (operation.body.required) violations.push("/body: is required");
    } else if (!isJson(incoming.headers.get("content-type"))) {
      violations.push(NOT_JSON);
    } else {
      try {
        body = JSON.parse(incoming.text);
        check(`${operationId}_body`, "/body", body);
      } catch {
        violations.push("/body: must be JSON");
      }
    }
  }
  return { query, headers, body, violations };
}

/** Throws `SpecDriftError` unless `body` is what the spec allows `operationId` to answer with `status`. */
export function checkResponse(operationId: OperationId, status: number, body: unknown): void {
  const declared = (operations[operationId].responses as Record<string, "json" | "empty">)[String(status)];
  if (declared === undefined) return; // a status the spec does not list (a gateway's 429, 503…): anything goes
  if (declared === "empty") {
    if (body !== undefined) throw new SpecDriftError(`${operationId} ${status}: openapi.yaml declares no body`);
    return;
  }
  const validate = byName[`${operationId}_${status}`]!;
  if (!validate(body)) throw new SpecDriftError(`${operationId} ${status}: ${describe("", validate.errors).join("; ")}`);
}

/** Throws `SpecDriftError` unless `frame` matches asyncapi.yaml's `schema`. */
export function checkFrame(
  schema: "ReplyFrame" | "HeartBeatFrame" | "ParticipantsNotify" | "ConfDynamicInfoNotify" | "WaitingListNotify" | "InviteResultNotify",
  frame: unknown,
): void {
  const validate = byName[`event_${schema}`]!;
  if (!validate(frame)) throw new SpecDriftError(`${schema}: ${describe("", validate.errors).join("; ")}`);
}

/** Violations of an incoming frame against asyncapi.yaml's `schema`. */
export function frameViolations(schema: "SubscribeFrame" | "SubscribeData" | "HeartBeatFrame", frame: unknown): string[] {
  const validate = byName[`event_${schema}`]!;
  return validate(frame) ? [] : describe("", validate.errors);
}
