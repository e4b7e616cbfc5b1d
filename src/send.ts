import { apiError } from "./api-error.js";
import type { Policy, Transport } from "./transport.js";
import { checkHeaders, checkKeys, fail, kind, type Known } from "./validate.js";

/** Per-call options of every facade method; each overrides the client's option of the same name. */
export interface CallOptions {
  /** Aborts the call at once: no further attempt, no backoff left waiting; rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Time allowed for each attempt, headers and body, in ms. */
  timeoutMs?: number;
  /** How many times a failed attempt is retried (never, for an operation that may act twice, once it may have reached the server). */
  maxRetries?: number;
  /** The largest answer read, in bytes (decoded); a larger one is a `MeetingError`, not retried. */
  maxResponseBytes?: number;
  /**
   * Extra request headers for this call (a tracing header, Prism's `Prefer: code=401`). The
   * secret headers (`X-Conference-Authorization`, `X-Password`, `X-Nonce`) cannot be set here.
   * Default: none.
   */
  headers?: Record<string, string>;
}

/** Every key of `CallOptions`: the one list that unknown keys are checked against. */
const CALL_OPTIONS: Known<CallOptions> = { signal: 1, timeoutMs: 1, maxRetries: 1, maxResponseBytes: 1, headers: 1 };

/** Longest timeout accepted: what a timer can hold (about 24.8 days). */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** Most retries accepted. */
export const MAX_RETRIES = 10;
/** Largest `maxResponseBytes` accepted: 512 MiB, about the longest string V8 can make. */
export const MAX_RESPONSE_BYTES = 2 ** 29;

/** `value` as an object, or the error that names `field`. */
export function object<T>(field: string, value: T): T {
  return value && typeof value === "object" ? value : fail(field, `must be an object, got ${kind(value)}`);
}

/** Checks `timeoutMs`, `maxRetries` and `maxResponseBytes` over `base`; the result is `base` itself when nothing changes. */
export function policy(options: { timeoutMs?: unknown; maxRetries?: unknown; maxResponseBytes?: unknown }, base: Policy, prefix = ""): Policy {
  const { timeoutMs = base.timeoutMs, maxRetries = base.maxRetries, maxResponseBytes = base.maxResponseBytes } = options;
  if (!(typeof timeoutMs === "number" && timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)) {
    fail(`${prefix}timeoutMs`, `must be ms in (0, ${MAX_TIMEOUT_MS}], got ${kind(timeoutMs)}`);
  }
  if (!(Number.isInteger(maxRetries) && (maxRetries as number) >= 0 && (maxRetries as number) <= MAX_RETRIES)) {
    fail(`${prefix}maxRetries`, `must be an integer in [0, ${MAX_RETRIES}], got ${kind(maxRetries)}`);
  }
  if (!(Number.isInteger(maxResponseBytes) && (maxResponseBytes as number) >= 1 && (maxResponseBytes as number) <= MAX_RESPONSE_BYTES)) {
    fail(`${prefix}maxResponseBytes`, `must be an integer in [1, ${MAX_RESPONSE_BYTES}], got ${kind(maxResponseBytes)}`);
  }
  return timeoutMs === base.timeoutMs && maxRetries === base.maxRetries && maxResponseBytes === base.maxResponseBytes
    ? base
    : { timeoutMs, maxRetries: maxRetries as number, maxResponseBytes: maxResponseBytes as number };
}

/** What a call is sent with: its `signal` and policy (for the token phase too), its `fetch`, its extra headers. */
export interface CallInit {
  signal?: AbortSignal;
  policy?: Policy;
  fetch?: (request: Request) => Promise<Response>;
  headers?: Record<string, string>;
}

/**
 * One call's `signal` and policy (for the token phase), its extra `headers`, and the `fetch`
 * openapi-fetch is to send it with: the transport bound to the call's policy and signal,
 * adding the call's headers. The signal is not put on the Request, so that no Request ever
 * holds a listener on the caller's signal. Empty when the call has the client's defaults.
 */
export function callInit(transport: Transport, options: CallOptions | undefined): CallInit {
  if (options === undefined) return {};
  const { signal, headers } = object("options", options);
  checkKeys("options.", options, CALL_OPTIONS);
  if (signal !== undefined && !(signal instanceof AbortSignal)) fail("options.signal", `must be an AbortSignal, got ${kind(signal)}`);
  if (headers !== undefined) checkHeaders("options.headers", headers);
  const chosen = policy(options, transport.defaults, "options.");
  if (chosen === transport.defaults && !signal && !headers) return {};
  const extra = Object.entries(headers ?? {});
  return {
    signal,
    policy: chosen,
    headers,
    // The call's headers go on here, so that every method that sends with this fetch has them.
    fetch: (request) => {
      for (const [name, value] of extra) request.headers.set(name, value);
      return transport(request, chosen, signal);
    },
  };
}

/**
 * Turns a call's result (openapi-fetch's, with `parseAs: "text"`) into its JSON object:
 * throws the mapped error for an error status, and a `MeetingApiError` for a success whose
 * body is not a JSON object. An empty body is `undefined`. `call` is the method and path,
 * for messages; `secrets` are what the request carried, redacted from any error.
 */
export async function readJson<T extends object>(
  call: string,
  { data, error, response }: { data?: string; error?: unknown; response: Response },
  secrets: readonly string[],
): Promise<T | undefined> {
  if (!response.ok) throw apiError(call, response, error, secrets);
  if (!data?.trim()) return undefined;
  let body: unknown = data;
  try {
    body = JSON.parse(data);
  } catch {}
  if (!body || typeof body !== "object" || Array.isArray(body)) throw apiError(call, response, body, secrets, "the answer is not a JSON object");
  return body as T;
}

/** The `MeetingApiError` for an answer (see api-error.ts): up front, as every error path is. */
export { apiError };
