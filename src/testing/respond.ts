// One request in, one response out: route by the spec's paths, validate, apply a scripted
// fault, run the handler, validate the answer, write the journal. Both `fake.fetch` and the
// loopback server go through here.
import { codes, Refusal, type Code } from "./codes.js";
import type { Scripted } from "./faults.js";
import { handlers } from "./handlers.js";
import type { JournalEntry } from "./journal.js";
import { fakeId, type State } from "./state.js";
import { SECRET_HEADERS } from "../secrets.js";
import { checkRequest, checkResponse, NOT_JSON, operations, type OperationId } from "./request-rules.js";

export const FAKE_HOST = "meeting-fake.invalid";

export interface Context {
  state: State;
  journal: JournalEntry[];
  faults: Map<OperationId, Scripted>;
  acceptShareInvitations: boolean;
  shareDelayMs: number;
  latencyMs: number;
}

const routes = new Map(Object.entries(operations).map(([id, { method, path }]) => [`${method} ${path}`, id as OperationId]));
const paths = new Set(Object.values(operations).map(({ path }) => path));
// A missing credential is refused as the gateway does, with 401, before the rest is read.
const MISSING_CREDENTIAL = /^\/header\/X-Conference-Authorization: must have required property/;

// Secret headers: their values, and every password and token the fake knows, never reach the
// journal. Violations name fields by the spec's names, which are kept; only a name that came
// from the request (an unknown body property) can hold a secret, and is then replaced.

function redact(operationId: OperationId, violations: string[], headers: Headers, state: State): string[] {
  const { parameters, body } = operations[operationId];
  const names = new Set(["query", "header", "body", ...parameters.map(({ name }) => name), ...(body?.fields ?? [])]);
  const secrets = new Set<string>([...state.tokens.keys(), ...state.wsTokens.keys()]);
  for (const meeting of state.meetings.values()) secrets.add(meeting.hostPassword);
  for (const name of SECRET_HEADERS) secrets.add(headers.get(name) ?? "");
  secrets.delete("");
  const clean = (segment: string) => (names.has(segment) || ![...secrets].some((secret) => segment.includes(secret)) ? segment : "[redacted]");
  return violations.map((violation) => {
    const at = violation.indexOf(": ");
    return violation.slice(0, at).split("/").map(clean).join("/") + violation.slice(at);
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The largest request body the fake reads; a larger one is answered 413 unread. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request as the fake reads it, from `fake.fetch` or from the loopback server. */
export interface Incoming {
  method: string;
  /** The path, as the request target names it (`*` for `OPTIONS *`). */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: Uint8Array;
  /** The channel's address prefix for this caller: `wss://meeting-fake.invalid` in-process, `ws://127.0.0.1:<port>` over loopback. */
  wsURL: string;
}

/** An answer as plain data: every one is JSON and carries an `X-Request-Id`. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** The JSON text; "" for an answer the spec declares without a body. */
  body: string;
}

const errorBody = (code: Code, detail?: string) => ({ error_code: code.error_code, error_msg: detail ? `${code.error_msg}: ${detail}` : code.error_msg });

/** One of the fake's errors as an answer. */
export function errorAnswer(code: Code, headers: Record<string, string> = {}, detail?: string): Answer {
  return {
    status: code.status,
    headers: { "x-request-id": fakeId(), "content-type": "application/json", ...headers },
    body: JSON.stringify(errorBody(code, detail)),
  };
}

/** The methods openapi.yaml has at `path`, for a 405's `Allow`. */
export const allowed = (path: string): string =>
  Object.values(operations)
    .filter((operation) => operation.path === path)
    .map(({ method }) => method)
    .join(", ");

/** Every method openapi.yaml uses, for `OPTIONS *`. */
const everyMethod = [...new Set(Object.values(operations).map(({ method }) => method))].join(", ");

/** Answers a request that never reached an operation (a malformed one, or one too large), and journals it. */
export function refuseRequest(context: Context, method: string, path: string, code: Code): Answer {
  context.journal.push({ operationId: null, method, path, status: code.status, violations: [] });
  return errorAnswer(code);
}

export async function respond(context: Context, request: Incoming): Promise<Answer> {
  const { method, path } = request;
  const operationId = routes.get(`${method} ${path}`) ?? null;
  const entry: JournalEntry = { operationId, method, path, status: 0, violations: [] };
  let status: number;
  let body: unknown;
  let retryAfter: number | undefined;
  const extra: Record<string, string> = {};
  const error = (code: Code, detail?: string) => ({ status: code.status, body: errorBody(code, detail) });
  if (operationId === null) {
    if (path === "*" && method === "OPTIONS") {
      // The server as a whole (RFC 9110 §9.3.7): which methods it has anywhere.
      status = 200;
      body = {};
      extra.allow = everyMethod;
    } else if (paths.has(path)) {
      ({ status, body } = error(codes.wrongMethod));
      extra.allow = allowed(path);
    } else {
      ({ status, body } = error(codes.noSuchPath));
    }
  } else if (request.body.byteLength > MAX_BODY_BYTES) {
    ({ status, body } = error(codes.tooLarge));
  } else {
    const text = new TextDecoder().decode(request.body);
    const { query, headers, body: json, violations } = checkRequest(operationId, { query: request.query, headers: request.headers, text });
    entry.violations = redact(operationId, violations, request.headers, context.state);
    const fault = context.faults.get(operationId);
    if (violations.some((violation) => MISSING_CREDENTIAL.test(violation))) {
      ({ status, body } = error(codes.tokenRefused));
    } else if (violations.includes(NOT_JSON)) {
      ({ status, body } = error(codes.notJson));
    } else if (violations.length > 0) {
      ({ status, body } = error(codes.invalidRequest, entry.violations.join("; ")));
    } else if (fault) {
      if (--fault.times === 0) context.faults.delete(operationId);
      ({ status, body, retryAfter } = fault);
    } else {
      const handler = handlers[operationId];
      if (handler === undefined) {
        ({ status, body } = error(codes.notPlayed, operationId));
      } else {
        try {
          body = handler({ ...context, query, headers, body: json, wsURL: request.wsURL } as never);
          status = 200;
        } catch (refusal) {
          if (!(refusal instanceof Refusal)) throw refusal;
          ({ status, body } = error(refusal.code, refusal.detail));
        }
      }
    }
    checkResponse(operationId, status, body);
  }
  entry.status = status;
  context.journal.push(entry);
  if (context.latencyMs > 0) await delay(context.latencyMs);
  const headers: Record<string, string> = { "x-request-id": fakeId(), ...extra };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (retryAfter !== undefined) headers["retry-after"] = String(retryAfter);
  return { status, headers, body: body === undefined ? "" : JSON.stringify(body) };
}

/** `respond` for a WHATWG `Request`: the in-process door, `fake.fetch`. */
export async function respondToRequest(context: Context, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const wsURL = url.host === FAKE_HOST ? `wss://${FAKE_HOST}` : `ws://${url.host}`;
  const body = new Uint8Array(await request.arrayBuffer());
  const answer = await respond(context, { method: request.method, path: url.pathname, query: url.searchParams, headers: request.headers, body, wsURL });
  return new Response(answer.body === "" ? null : answer.body, { status: answer.status, headers: answer.headers });
}
