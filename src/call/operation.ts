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
import { callInit, type CallInit } from "./options.js";
import { check, fields } from "./rules.js";

export type OperationId = keyof typeof operations;

/** One request of a call, as its token phase sends it through openapi-fetch. */
export interface Exchange {
  /** `PUT /v1/…`: the call, in messages. */
  what: string;
  method: "get" | "put" | "post" | "delete";
  path: string;
  query: Record<string, unknown>;
  body?: Record<string, unknown>;
  /** The body's own secrets (setRole's `chairmanPwd`), redacted from any error as the tokens are. */
  secrets?: string[];
  /** For an operation that answers: what is wrong with its JSON object (absent: the body was empty), if anything. */
  answer?: (body: Record<string, unknown> | undefined) => string | undefined;
}

/**
 * Sends `request` with the current token, a 401 on a token that can be replaced once more with
 * a new one, and reads its answer: the JSON object where `request.answer` takes one, else
 * `undefined`. Rejects with the one error mapper's error, every token sent redacted from it.
 */
export type Authorized = (options: CallOptions | undefined, request: Exchange) => Promise<unknown>;

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
 * replaced, one more attempt with a new one; then the answer, read. Errors are redacted of
 * every token sent, what the token source holds, and the request's own secrets.
 */
export function authorizer(api: Api, transport: Transport, tokens: TokenSource): Authorized {
  return async (options, request) => {
    const init = callInit(transport, options);
    // The call's signal and policy bound its token phase too; its headers are for its own
    // request, not for a token request it may wait on.
    const wait = { signal: init.signal, policy: init.policy };
    const { what } = request;
    const token = await tokens.get(wait);
    let result = await sendWith(api, request, init, token);
    const secrets = [token, ...tokens.secrets];
    if (result.response.status === 401 && tokens.invalidate(token)) {
      const fresh = await tokens.get(wait);
      if (fresh !== token) {
        secrets.unshift(fresh);
        result = await sendWith(api, request, init, fresh);
      }
    }
    if (request.secrets) secrets.push(...request.secrets);
    const answer = readJson<Record<string, unknown>>(what, result as { data?: string; response: Response }, secrets);
    const problem = request.answer?.(answer);
    if (problem) throw apiError(what, result.response, answer, secrets, problem);
    return request.answer ? answer : undefined;
  };
}

/** Sends `request` through openapi-fetch with `token`, on the call's `fetch` (its policy, signal and headers; none: the client's). */
function sendWith(api: Api, { method, path, query, body }: Exchange, init: CallInit, token: string) {
  return api.request(method as "put", path as never, { params: { query, header: { "X-Conference-Authorization": token } }, body, parseAs: "text", fetch: init.fetch } as never);
}

/** What an operation that answers must answer: a JSON object. */
const someAnswer = (body: object | undefined) => (body ? undefined : "the answer is empty");

/** What a facade method needs on every call, worked out once per method from the table. */
interface Plan {
  /** Its remaining query and body fields, as one object's rule. */
  rule: Rule & { properties: Record<string, Rule>; required: string[] };
  /** The fields that go into the query; the others go into the body. */
  query: Set<string>;
  /** Whether it takes an argument or input object before its options. */
  takesInput: boolean;
  /** Whether a call without input is complete: no field is required, no minimum is set. */
  inputOptional: boolean;
  /** Where the participant handle's ID goes, for a `participant.` method. */
  participantIn?: "query" | "body";
  /** The body fields the spec marks `format: password` (setRole's chairmanPwd): secrets too. */
  passwords: string[];
  /** `PUT /v1/…`, for messages. */
  what: string;
  /** The HTTP method as openapi-fetch's `request` takes it. */
  verb: Exchange["method"];
}
const plans = new WeakMap<FacadeMethod, Plan>();

function planOf(operation: Operation, method: FacadeMethod): Plan {
  let known = plans.get(method);
  // Stryker disable next-line ConditionalExpression: made again, the plan comes out the same; the cache only saves the work.
  if (known) return known;
  // The participant handle's ID goes where the operation takes it; a participantID elsewhere is input.
  const participantIn = method.method.startsWith("participant.") ? (operation.participantID === "body" ? "body" : "query") : undefined;
  const fixed = method.fixed ?? {};
  const properties: Record<string, Rule> = {};
  const required: string[] = [];
  const query = new Set<string>();
  const queryRequired = new Set(operation.query?.required);
  for (const [name, rule] of Object.entries(operation.query?.properties ?? {})) {
    if (name === "participantID" && participantIn === "query") continue;
    properties[name] = rule;
    query.add(name);
    if (queryRequired.has(name)) required.push(name);
  }
  // Stryker disable next-line ArrayDeclaration: a name that is no field is never in a body: left out as a password not given is.
  const passwords: string[] = [];
  const body = operation.body;
  if (body && !method.only) {
    for (const [name, rule] of Object.entries(body.properties ?? {})) {
      if ((name === "participantID" && participantIn === "body") || name in fixed) continue;
      properties[name] = rule;
      if (body.required?.includes(name)) required.push(name);
      if (rule.format === "password") passwords.push(name);
    }
  }
  const minProperties = method.only ? 0 : (body?.minProperties ?? 0) - Object.keys(fixed).length;
  const rule: Plan["rule"] = { properties, required, additionalProperties: false, ...(minProperties >= 1 && { minProperties }) };
  known = {
    rule,
    query,
    // An argument is one of these fields (the generator checks), and a minimum of fields is met by them.
    takesInput: Object.keys(properties).length > 0,
    inputOptional: !required.length && !rule.minProperties,
    participantIn,
    passwords,
    what: `${operation.method} ${operation.path}`,
    verb: operation.method.toLowerCase() as Exchange["method"],
  };
  plans.set(method, known);
  return known;
}

/**
 * Runs `method` of `operationId`: `participantID` is the participant handle's (for a
 * `participant.` method; checked here, as given), `args` what the method was called with: `(options?)`, `(input, options?)` or
 * `(argument, options?)`. Bad input rejects with `MeetingInputError` before anything is sent.
 */
export function call(context: CallContext, operationId: OperationId, method: FacadeMethod, participantID: unknown, args: unknown[]): Promise<unknown> {
  const operation: Operation = operations[operationId];
  const plan = planOf(operation, method);
  const input = plan.takesInput ? args[0] : undefined;
  const options = (plan.takesInput ? args[1] : args[0]) as CallOptions | undefined;
  const work = () => {
    let request: Exchange;
    // Bad input rejects, as every outcome of a call does: the method never throws.
    try {
      request = exchange(context.conferenceID, operation, method, plan, participantID, input);
    } catch (error) {
      return Promise.reject(error);
    }
    return context.authorized(options, request);
  };
  return traced(context, operationId, participantID, work, true);
}

/** The request of one call of `method`, its input checked: throws `MeetingInputError` for bad input. */
function exchange(conferenceID: string, operation: Operation, method: FacadeMethod, plan: Plan, participantID: unknown, input: unknown): Exchange {
  const { rule } = plan;
  const query: Record<string, unknown> = { conferenceID };
  const body: Record<string, unknown> = { ...method.fixed };
  if (plan.participantIn) {
    checkId("participantID", participantID);
    (plan.participantIn === "body" ? body : query).participantID = participantID;
  }
  if (method.argument !== undefined) {
    check(method.argument, input, rule.properties[method.argument] ?? {});
    (plan.query.has(method.argument) ? query : body)[method.argument] = input;
  } else if (input !== undefined || !plan.inputOptional) {
    const name = method.input ?? "input";
    if (!input || typeof input !== "object" || Array.isArray(input)) fail(name, `must be an object, got ${kind(input)}`);
    // Each value read once, into a copy that is checked and sent: a getter cannot change it in between.
    // Without a prototype: a key "__proto__" is a field like any other, refused as unknown.
    const given = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(input)) given[key] = (input as Record<string, unknown>)[key];
    // A field's noun in messages: "setting" for `settings`, else "field".
    fields(name, given, rule, name === "input" ? "field" : name.replace(/s$/, ""));
    for (const key of Object.keys(given)) (plan.query.has(key) ? query : body)[key] = given[key];
  }
  const request: Exchange = { what: plan.what, method: plan.verb, path: operation.path, query };
  if (operation.body) request.body = body;
  // Strings, by their rules checked above (an empty one redacts nothing).
  // Stryker disable next-line ConditionalExpression: without password fields the list is empty; the test only saves the work.
  if (plan.passwords.length) request.secrets = plan.passwords.filter((key) => key in body).map((key) => body[key] as string);
  if (operation.answer) request.answer = someAnswer;
  return request;
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
