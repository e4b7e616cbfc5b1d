// The retry policy: what is retried, and how long to wait before the next attempt. Whether a
// request may be sent again once it may have reached the server is the operation's to say
// (`x-idempotent` in the spec, the generated table): a repeat must never act twice.
import { operations } from "./generated/operations.js";

/**
 * Statuses worth another attempt: the request may well succeed next time. One policy for
 * every transport: any other status, including those outside 200–599 (a 600, a 999), is
 * answered as it is, and becomes a `MeetingApiError`.
 */
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;
/** A `Retry-After` longer than this is not waited for: backoff applies instead. */
const RETRY_AFTER_CAP_MS = 60_000;

export function retryableStatus(status: number): boolean {
  return RETRY_STATUSES.includes(status);
}

/** The longest wait before retry `retry` (1-based): `min(cap, base · 2^(retry-1))`. */
export function backoffCeiling(retry: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (retry - 1));
}

/**
 * Exponential backoff with jitter: retry `n` (1-based) waits between half and all of
 * `backoffCeiling(n)`, so concurrent clients spread out but never retry at once.
 */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  const ceiling = backoffCeiling(retry);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** `Retry-After` (delta seconds or an HTTP date) in ms; undefined when absent, malformed or beyond the cap. */
export function retryAfterDelay(header: string | null, now: number = Date.now()): number | undefined {
  // Stryker disable next-line StringLiteral: any stand-in for an absent header is text neither a number nor a date, undefined either way.
  const value = header?.trim() ?? "";
  // Delta seconds, or an HTTP date, which opens with the day's name (IMF-fixdate, RFC 850 and asctime alike).
  const delay = /^\d+$/.test(value) ? Number(value) * 1000 : /^[MTWFS][a-z]{2}/.test(value) ? Math.max(0, Date.parse(value) - now) : NaN;
  return delay <= RETRY_AFTER_CAP_MS ? delay : undefined;
}

/**
 * Whether the request may be sent again after it may have reached the server: the operation's
 * `x-idempotent`, found by method and path (a path under a `baseUrl` prefix too: no
 * operation's path ends with another's of the same method, so the first match is the one).
 * A request the table does not know goes by its method: POST and PATCH may act twice, the
 * others not. Asked only once a retry is in question: a walk of the table is cheap beside it.
 */
export function repeatable(method: string, url: string): boolean {
  const { pathname } = new URL(url);
  for (const operation of Object.values(operations)) {
    if (operation.method === method && pathname.endsWith(operation.path)) return operation.idempotent;
  }
  return method !== "POST" && method !== "PATCH";
}

/**
 * Whether a failure is a refused connection: nothing was written, so the server saw nothing.
 * undici and Node's fetch say so (`ECONNREFUSED`, on the error or its cause); a runtime that
 * cannot tell (a browser's `TypeError`) is taken to have reached the server.
 */
export function refused(error: unknown): boolean {
  // Any value but null and undefined can be asked for a property: a string's `code` is undefined.
  for (let cause = error, depth = 0; cause && depth < 4; cause = (cause as { cause?: unknown }).cause, depth++) {
    if ((cause as { code?: unknown }).code === "ECONNREFUSED") return true;
  }
  return false;
}
