// The wire cases of every facade method, made from openapi.yaml alone (not from the generated
// table): for each `x-facade` method, example input from the spec's examples, and the request
// the spec says it makes — method, path, query, token header, content type and body. A new
// operation in the spec has its cases at once.
import { resolve, spec } from "./openapi-doc.js";

export const CONFERENCE = "986947855";
export const PARTICIPANT = "4a5rg64ag5p8pvvnam1rr6m8lqra6a61";

export interface WireCase {
  operationId: string;
  /** `participant.mute`, `conference.hangUp` … */
  method: string;
  /** What the method is called with, before the options. */
  args: unknown[];
  /** How errors name the input: the argument's name, or the input object's (`input` unless `x-facade` says). */
  inputName: string;
  /** The argument's name, for a method that takes one field directly. */
  argument?: string;
  expected: { method: string; path: string; query: [string, string][]; body: Record<string, unknown> | undefined };
}

/** A value that the schema accepts: its example, else the first it allows. */
export function exampleOf(schema: any): unknown {
  const s = resolve(schema);
  if (s.example !== undefined) return s.example;
  if (s.examples?.length) return s.examples[0];
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== "null") : s.type;
  if (type === "integer" || type === "number") return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
  if (type === "boolean") return true;
  if (type === "array") return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => exampleOf(s.items ?? {}));
  if (type === "object" || s.properties) {
    const out: Record<string, unknown> = {};
    for (const name of s.required ?? []) out[name] = exampleOf(s.properties[name]);
    return out;
  }
  return "x".repeat(Math.max(1, s.minLength ?? 1));
}

const VERBS = ["get", "put", "post", "delete", "patch"];

/** The operations that take the meeting-control token, with their `x-facade` lists. */
export function controlOperations(): { operationId: string; verb: string; path: string; operation: any }[] {
  const found = [];
  for (const [path, item] of Object.entries<any>(spec.paths)) {
    for (const verb of VERBS) {
      const operation = item[verb];
      if (!operation || !path.startsWith("/v1/mmc/control/")) continue;
      const parameters = (operation.parameters ?? []).map(resolve);
      if (!parameters.some((p: any) => p.in === "header" && p.name === "X-Conference-Authorization")) continue;
      found.push({ operationId: operation.operationId as string, verb, path, operation });
    }
  }
  return found;
}

export function wireCases(): WireCase[] {
  const cases: WireCase[] = [];
  for (const { operationId, verb, path, operation } of controlOperations()) {
    const parameters = (operation.parameters ?? []).map(resolve);
    const media = operation.requestBody?.content?.["application/json"];
    const schema = media ? resolve(media.schema) : undefined;
    // The body's example: the media's own, else its first named one, else one made from the schema.
    const bodyExample = (media?.example ?? (Object.values<any>(media?.examples ?? {})[0]?.value as Record<string, unknown> | undefined) ?? (schema && exampleOf(schema))) as
      | Record<string, unknown>
      | undefined;
    for (const facade of operation["x-facade"] ?? []) {
      const [handle] = facade.method.split(".");
      const fixed: Record<string, unknown> = facade.fixed ?? {};
      const pid: string | undefined = handle === "participant" ? "participantID" : undefined;
      const query: [string, string][] = [["conferenceID", CONFERENCE]];
      const input: Record<string, unknown> = {};
      for (const parameter of parameters) {
        if (parameter.in !== "query" || parameter.name === "conferenceID") continue;
        if (pid !== undefined && parameter.name === pid) {
          query.push([pid, PARTICIPANT]);
          continue;
        }
        const value = parameter.example ?? exampleOf(parameter.schema);
        input[parameter.name] = value;
        query.push([parameter.name, String(value)]);
      }
      let body: Record<string, unknown> | undefined;
      if (schema) {
        body = { ...fixed };
        // The handle's ID goes into the body only where the query has none.
        const inQuery = parameters.some((p: any) => p.in === "query" && p.name === pid);
        const bodyPid = pid && !inQuery && schema.properties?.[pid] ? pid : undefined;
        if (bodyPid) body[bodyPid] = PARTICIPANT;
        // A method that sends only what it fixes (a body of independent settings, or `only: true`) takes nothing more.
        const only = facade.only === true || (typeof schema.minProperties === "number" && Object.keys(fixed).length >= schema.minProperties);
        if (!only) {
          for (const [name, property] of Object.entries<any>(schema.properties ?? {})) {
            if (name in fixed || name === bodyPid) continue;
            const value = bodyExample && name in bodyExample ? bodyExample[name] : (schema.required ?? []).includes(name) ? exampleOf(property) : undefined;
            if (value === undefined) continue;
            input[name] = value;
            body[name] = value;
          }
        }
      }
      const args = facade.argument ? [input[facade.argument]] : Object.keys(input).length ? [input] : [];
      cases.push({
        operationId,
        method: facade.method,
        args,
        inputName: facade.argument ?? facade.input ?? "input",
        argument: facade.argument,
        expected: { method: verb.toUpperCase(), path, query, body },
      });
    }
  }
  return cases;
}
