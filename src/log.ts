// The logger a caller passes, and the debug line of one attempt, secret headers redacted.
import { redactHeaders } from "./redact.js";

/** A console-compatible logger; only `debug` is used. */
export interface Logger {
  debug(...data: unknown[]): void;
}

export interface AttemptLine {
  method: string;
  url: string;
  headers: Headers;
  attempt: number;
  attempts: number;
  /** The status, or what came instead of one. */
  result: number | "timeout" | "failed";
  ms: number;
  /** The wait before the next attempt; undefined when this one was the last. */
  delay: number | undefined;
  /** Whether the wait is the server's `Retry-After` rather than backoff. */
  retryAfter: boolean;
}

export function logAttempt(logger: Logger, { method, url, headers, attempt, attempts, result, ms, delay, retryAfter }: AttemptLine): void {
  logger.debug(
    `meeting-control ${method} ${url} attempt ${attempt}/${attempts} → ${result} in ${ms} ms; ` +
      (delay === undefined ? "done" : `retrying in ${delay} ms (${retryAfter ? "Retry-After" : "backoff"})`),
    { headers: redactHeaders(headers) },
  );
}
