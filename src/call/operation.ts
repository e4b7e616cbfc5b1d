// One operation's journey, for every facade method the table lists: input rules → token →
// openapi-fetch → answer → the one error mapper, traced as one operation. The handles are
// built from the table: no method is written by hand.
import { operations, type FacadeMethod, type Operation, type Rule } from "../generated/operations.js";
import type { Api } from "../api.js";
import type { CallOptions } from "../options.js";
import type { TokenSource } from "../token/source.js";
import type { Transport } from "../transport/retrying.js";
import { apiError, readJson } from "./answer.js";
import { checkId, fail, kind } from "./input.js";
import { callInit } from "./options.js";
import { check, fields } from "./rules.js";

export type OperationId = keyof typeof operations;
type Header = { "X-Conference-Authorization": string };

/** Sends with the current token; a 401 on a token that can be replaced is retried once with a new one. */
export type Authorized = <R extends { response: Response }>(
  options: CallOptions | undefined,
  send: (header: Header, fetch?: (request: Request) => Promise<Response>) => Promise<R>,
) => Promise<[R, string[]]>;

/** What every call of one conference handle shares. */
export interface CallContext {
  api: Api;
  transport: Transport;
  conferenceID: string;
  tokens: TokenSource;
  authorized: Authorized;
  /** Runs a call as one traced operation (entries with diagnostics_channel). */
  trace?: OperationTracer;
}

/** What a traced call starts with: its operation, conference and participant (tracing adds how it settled). */
export interface TracedCall {
  /** The spec's operationId, or the name of a handle's own method that is an operation of its own. */
  operationId: OperationId | "token" | "waitUntilSharing" | "waitUntil" | "roster";
  conferenceID: string;
  participantID?: string;
}

/** Runs `work` as one traced operation; `shown`: its result may go into the context. */
export type OperationTracer = <T>(context: TracedCall, work: () => Promise<T>, shown: boolean) => Promise<T>;

/**
 * The token phase of every call: the current token, and on a 401 with a token that can be
 * replaced, one more attempt with a new one. Resolves with the result and the secrets to
 * redact from any error: every token sent, and what the token source holds.
 */
export function authorizer(transport: Transport, tokens: TokenSource): Authorized {
  return async (options, send) => {
    const init = callInit(transport, options);
    // The call's signal and policy bound its token phase too; its headers are for its own
    // request, not for a token request it may wait on.
    const wait = { signal: init.signal, policy: init.policy };
    const token = await tokens.get(wait);
    const result = await send({ "X-Conference-Authorization": token }, init.fetch);
    const secrets = [token, ...tokens.secrets];
    if (result.response.status !== 401 || !tokens.invalidate(token)) return [result, secrets];
    const fresh = await tokens.get(wait);
    return fresh === token ? [result, secrets] : [await send({ "X-Conference-Authorization": fresh }, init.fetch), [fresh, ...secrets]];
  };
}

/** A facade method's input rules: its remaining query and body fields as one object, made once per method. */
interface InputRules {
  rule: Rule & { properties: Record<string, Rule>; required: string[] };
  /** The fields that go into the query; the others go into the body. */
  query: Set<string>;
}
const inputRules = new WeakMap<FacadeMethod, InputRules>();

function rulesOf(operation: Operation, method: FacadeMethod): InputRules {
  let known = inputRules.get(method);
  // Stryker disable next-line ConditionalExpression: made again, the rules come out the same; the cache only saves the work.
  if (known) return known;
  // The participant handle's ID goes where the operation takes it; a participantID elsewhere is input.
  const handlePid = method.method.startsWith("participant.") ? operation.participantID : undefined;
  const fixed = method.fixed ?? {};
  const properties: Record<string, Rule> = {};
  const required: string[] = [];
  const query = new Set<string>();
  const queryRequired = new Set(operation.query?.required);
  for (const [name, rule] of Object.entries(operation.query?.properties ?? {})) {
    if (name === "participantID" && handlePid === "query") continue;
    properties[name] = rule;
    query.add(name);
    if (queryRequired.has(name)) required.push(name);
  }
  const body = operation.body;
  if (body && !method.only) {
    for (const [name, rule] of Object.entries(body.properties ?? {})) {
      if ((name === "participantID" && handlePid === "body") || name in fixed) continue;
      properties[name] = rule;
      if (body.required?.includes(name)) required.push(name);
    }
  }
  const minProperties = method.only ? 0 : (body?.minProperties ?? 0) - Object.keys(fixed).length;
  known = { rule: { properties, required, additionalProperties: false, ...(minProperties >= 1 && { minProperties }) }, query };
  inputRules.set(method, known);
  return known;
}

/**
 * Runs `method` of `operationId`: `participantID` is the participant handle's (for a
 * `participant.` method; checked here, as given), `args` what the method was called with: `(options?)`, `(input, options?)` or
 * `(argument, options?)`. Bad input rejects with `MeetingInputError` before anything is sent.
 */
export function call(context: CallContext, operationId: OperationId, method: FacadeMethod, participantID: unknown, args: unknown[]): Promise<unknown> {
  const operation: Operation = operations[operationId];
  const { rule, query: inQuery } = rulesOf(operation, method);
  const properties = rule.properties;
  // An argument is one of these fields (the generator checks), and a minimum of fields is met by them.
  const takesInput = Object.keys(properties).length > 0;
  const input = takesInput ? args[0] : undefined;
  const options = (takesInput ? args[1] : args[0]) as CallOptions | undefined;
  const what = `${operation.method} ${operation.path}`;
  const work = async () => {
    const query: Record<string, unknown> = { conferenceID: context.conferenceID };
    const body: Record<string, unknown> = { ...method.fixed };
    if (method.method.startsWith("participant.")) {
      checkId("participantID", participantID);
      (operation.participantID === "body" ? body : query).participantID = participantID;
    }
    let given: Record<string, unknown>;
    if (method.argument !== undefined) {
      check(method.argument, input, properties[method.argument] ?? {});
      given = { [method.argument]: input };
    } else {
      const name = method.input ?? "input";
      if (input === undefined && !rule.required.length && !rule.minProperties) given = {};
      else if (!input || typeof input !== "object" || Array.isArray(input)) given = fail(name, `must be an object, got ${kind(input)}`);
      else {
        // Each value read once, into a copy that is checked and sent: a getter cannot change it in between.
        // Without a prototype: a key "__proto__" is a field like any other, refused as unknown.
        given = Object.create(null) as Record<string, unknown>;
        for (const key of Object.keys(input)) given[key] = (input as Record<string, unknown>)[key];
      }
      // A field's noun in messages: "setting" for `settings`, else "field".
      fields(name, given, rule, name === "input" ? "field" : name.replace(/s$/, ""));
    }
    for (const [key, value] of Object.entries(given)) (inQuery.has(key) ? query : body)[key] = value;
    const sendsBody = operation.body !== undefined;
    const [result, secrets] = await context.authorized(options, (header, fetch) =>
      context.api.request(
        operation.method.toLowerCase() as "put",
        operation.path as never,
        {
          params: { query, header },
          ...(sendsBody && { body }),
          parseAs: "text",
          fetch,
        } as never,
      ),
    );
    // A body field the spec marks `format: password` (setRole's chairmanPwd) is a secret too: a
    // string, by its rule checked above (an empty one redacts nothing).
    for (const [key, value] of Object.entries(body)) if (properties[key]?.format === "password") secrets.push(value as string);
    const answer = readJson(what, result as { data?: string; response: Response }, secrets);
    if (!operation.answer) return undefined;
    if (!answer) throw apiError(what, result.response, undefined, secrets, "the answer is empty");
    return answer;
  };
  return traced(context, operationId, participantID, work, true);
}

/** Runs `work` as one traced operation where the entry traces (`shown`: its result may go into the context), else just runs it. */
export function traced<T>(context: CallContext, operationId: TracedCall["operationId"], participantID: unknown, work: () => Promise<T>, shown: boolean): Promise<T> {
  if (!context.trace) return work();
  const what: TracedCall = { operationId, conferenceID: context.conferenceID };
  // As given: an ID that is not a string is refused by the call itself, and recorded as its error.
  if (typeof participantID === "string") what.participantID = participantID;
  return context.trace(what, work, shown);
}

type Handle = "participant" | "conference";
/** What a handle's generated methods run with: its call context, and the participant's ID. */
const BOUND = Symbol("bound");
// A function that returns them, not the object itself: inspecting a handle (even with
// showHidden) shows a function, never the token source and the secrets it holds.
type Bound = { [BOUND]: () => { context: CallContext; participantID?: string } };
/** Each handle's prototype of generated methods, made once, on first use: an import does no work. */
let prototypes: Record<Handle, object> | undefined;

/**
 * A handle of `handle`'s kind: `own` (its fields and hand-written methods) over the table's
 * methods. Each method is made for a handle the first time it is read, so that a handle costs
 * the same however many operations the spec has (200 000 conferences stay cheap); a method read
 * off its handle (`const { muteAll } = conf`) stays bound to it.
 */
export function handleOf<T>(handle: Handle, context: CallContext, own: object, participantID?: string): T {
  prototypes ??= { participant: prototypeOf("participant"), conference: prototypeOf("conference") };
  const bound: Bound[typeof BOUND] = () => ({ context, participantID });
  return Object.assign(Object.create(prototypes[handle], { [BOUND]: { value: bound } }), own) as T;
}

function prototypeOf(handle: Handle): object {
  const prototype = {};
  for (const [operationId, operation] of Object.entries(operations) as [OperationId, Operation][]) {
    for (const method of operation.facade) {
      const dot = method.method.indexOf(".");
      if (method.method.slice(0, dot) !== handle) continue;
      const name = method.method.slice(dot + 1);
      Object.defineProperty(prototype, name, {
        enumerable: true,
        get(this: Bound) {
          const { context, participantID } = this[BOUND]();
          const run = (...args: unknown[]) => call(context, operationId, method, participantID, args);
          Object.defineProperty(this, name, { value: run, enumerable: true, writable: true, configurable: true });
          return run;
        },
      });
    }
  }
  return prototype;
}

/** The table's entry for `handle.name`: the operation and the method. */
export function facadeMethod(name: string): [OperationId, FacadeMethod] {
  for (const [operationId, operation] of Object.entries(operations) as [OperationId, Operation][]) {
    const method = operation.facade.find((m) => m.method === name);
    if (method) return [operationId, method];
  }
  throw new Error(`openapi.yaml has no facade method ${name}`);
}
