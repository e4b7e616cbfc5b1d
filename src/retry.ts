// The retry policy: what is retried, and how long to wait before the next attempt.

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
  const value = header?.trim() ?? "";
  // Delta seconds, or an HTTP date, which opens with the day's name (IMF-fixdate, RFC 850 and asctime alike).
  const delay = /^\d+$/.test(value) ? Number(value) * 1000 : /^[MTWFS][a-z]{2}/.test(value) ? Math.max(0, Date.parse(value) - now) : NaN;
  return delay <= RETRY_AFTER_CAP_MS ? delay : undefined;
}
