// One request in, one response out: route by the spec's paths, validate, apply a scripted
// fault, run the handler, validate the answer, write the journal. Both `fake.fetch` and the
// loopback server go through here.
import { codes, Refusal, type Code } from "./codes.js";
import type { Scripted } from "./faults.js";
import { handlers } from "./handlers.js";
import type { JournalEntry } from "./journal.js";
import { fakeId, type State } from "./state.js";
import { checkRequest, checkResponse, operations, type OperationId } from "./request-rules.js";
import { SECRET_HEADERS } from "../secrets.js";

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
const MISSING_CREDENTIAL = /^\/header\/(X-Conference-Authorization|X-Password): must have required property/;

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

export async function respond(context: Context, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const operationId = routes.get(`${request.method} ${url.pathname}`) ?? null;
  const text = await request.text();
  const entry: JournalEntry = { operationId, method: request.method, path: url.pathname, status: 0, violations: [] };
  let status: number;
  let body: unknown;
  let retryAfter: number | undefined;
  const error = (code: Code, detail?: string) => {
    status = code.status;
    body = { error_code: code.error_code, error_msg: detail ? `${code.error_msg}: ${detail}` : code.error_msg };
  };
  if (operationId === null) {
    error(paths.has(url.pathname) ? codes.wrongMethod : codes.noSuchPath);
  } else {
    const { query, headers, body: json, violations } = checkRequest(operationId, { query: url.searchParams, headers: request.headers, text });
    entry.violations = redact(operationId, violations, request.headers, context.state);
    const fault = context.faults.get(operationId);
    if (violations.some((violation) => MISSING_CREDENTIAL.test(violation))) {
      error(codes.tokenRefused);
    } else if (violations.length > 0) {
      error(codes.invalidRequest, entry.violations.join("; "));
    } else if (fault) {
      if (--fault.times === 0) context.faults.delete(operationId);
      ({ status, body, retryAfter } = fault);
    } else {
      const wsURL = url.host === FAKE_HOST ? `wss://${FAKE_HOST}` : `ws://${url.host}`;
      try {
        body = handlers[operationId]({ ...context, query, headers, body: json, wsURL } as never);
        status = 200;
      } catch (refusal) {
        if (!(refusal instanceof Refusal)) throw refusal;
        error(refusal.code, refusal.detail);
      }
    }
    checkResponse(operationId, status!, body);
  }
  entry.status = status!;
  context.journal.push(entry);
  if (context.latencyMs > 0) await delay(context.latencyMs);
  const headers: Record<string, string> = { "x-request-id": fakeId() };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (retryAfter !== undefined) headers["retry-after"] = String(retryAfter);
  return new Response(body === undefined ? null : JSON.stringify(body), { status: status!, headers });
}
