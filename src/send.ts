import { apiError, MeetingInputError } from "./errors.js";
import type { Fetch, Policy, Transport } from "./transport.js";
import { kind } from "./validate.js";

/** Per-call options of every facade method; each overrides the client's option of the same name. */
export interface CallOptions {
  /** Aborts the call at once: no further attempt, no backoff left waiting; rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Time allowed for each attempt, headers and body, in ms. */
  timeoutMs?: number;
  /** How many times a failed attempt is retried. */
  maxRetries?: number;
}

/** Longest timeout accepted: what a timer can hold (about 24.8 days). */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** Most retries accepted. */
export const MAX_RETRIES = 10;

/** Checks `timeoutMs` and `maxRetries` over `base`; the result is `base` itself when nothing changes. */
export function policy(options: { timeoutMs?: unknown; maxRetries?: unknown }, base: Policy, prefix = ""): Policy {
  const { timeoutMs = base.timeoutMs, maxRetries = base.maxRetries } = options;
  if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new MeetingInputError(`${prefix}timeoutMs`, `must be a number of ms above 0 and at most ${MAX_TIMEOUT_MS}, got ${show(timeoutMs)}`);
  }
  if (typeof maxRetries !== "number" || !Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > MAX_RETRIES) {
    throw new MeetingInputError(`${prefix}maxRetries`, `must be a whole number from 0 to ${MAX_RETRIES}, got ${show(maxRetries)}`);
  }
  return timeoutMs === base.timeoutMs && maxRetries === base.maxRetries ? base : { timeoutMs, maxRetries };
}

/**
 * One call's `signal` (for waiting on a token) and the `fetch` openapi-fetch is to send it
 * with: the transport bound to the call's policy and signal. The signal is not put on the
 * Request, so that no Request ever holds a listener on the caller's signal.
 */
export function callInit(transport: Transport, options: CallOptions | undefined): { signal?: AbortSignal; fetch?: Fetch } {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null) throw new MeetingInputError("options", `must be an object, got ${kind(options)}`);
  const { signal } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new MeetingInputError("options.signal", `must be an AbortSignal, got ${kind(signal)}`);
  }
  const chosen = policy(options, transport.defaults, "options.");
  if (chosen === transport.defaults && signal === undefined) return {};
  return { signal, fetch: (request) => transport(request, chosen, signal) };
}

function show(value: unknown): string {
  return typeof value === "number" ? String(value) : kind(value);
}

/** What openapi-fetch resolves with when asked for `parseAs: "text"`. */
interface TextResult {
  data?: string;
  error?: unknown;
  response: Response;
}

/**
 * Turns a call's result into its JSON object: throws the mapped error for an error status,
 * and a `MeetingApiError` for a success whose body is not a JSON object. An empty body is
 * `undefined`. `secrets` are what the request carried, redacted from any error.
 */
export function readJson<T extends object>({ data, error, response }: TextResult, secrets: readonly string[]): T | undefined {
  if (!response.ok) throw apiError(response, error, undefined, secrets);
  if (data === undefined || data.trim() === "") return undefined;
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    throw apiError(response, data, "the answer is not JSON", secrets);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw apiError(response, body, "the answer is not a JSON object", secrets);
  }
  return body as T;
}
