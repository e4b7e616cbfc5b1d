// The retrying, timed transport: the `fetch` that openapi-fetch calls. Each attempt is one
// exchange with the sender, which resolves only once the whole body is in, so the attempt's
// timeout covers the body too. No sender follows a redirect: the secret headers would go with it.
import { MeetingConnectionError, MeetingError, MeetingTimeoutError } from "./errors.js";
import { race } from "./race.js";
import { backoffDelay, refused, repeatable, retryableStatus, retryAfterDelay } from "./retry.js";
import type { Tracing } from "./tracing.js";
import { CallResponse } from "./transport/call-response.js";

/** A WHATWG `fetch`, as a caller may pass one: called as `fetch(url, init)`. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/**
 * What one attempt sends, and `limit`: the most body bytes to read (decoded). The sender sets
 * `abort`: how to stop this attempt if it is given up.
 */
export interface SendInit {
  method: string;
  headers: Headers;
  body: string | ArrayBuffer | null;
  limit: number;
  abort?: () => void;
}

/**
 * Sends one attempt without following a redirect, and resolves with the whole answer, body
 * read; rejects with `tooLarge()` once the body passes `init.limit`.
 */
export type Sender = (url: string, init: SendInit) => Promise<Response>;

/** A console-compatible logger; only `debug` is used. */
export interface Logger {
  debug(...data: unknown[]): void;
}

export interface Policy {
  timeoutMs: number;
  maxRetries: number;
  maxResponseBytes: number;
}

/** What openapi-fetch hands the transport: its `Request`, or the lighter `CallRequest`. */
type Outgoing = Pick<Request, "url" | "method" | "headers" | "signal"> & { body: unknown; arrayBuffer?: () => Promise<ArrayBuffer> };

export interface Transport {
  /** Sends `request`; `signal` is the caller's (default: the request's own). */
  (request: Outgoing, policy?: Policy, signal?: AbortSignal): Promise<Response>;
  readonly defaults: Policy;
}

/** What one attempt came to: the whole answer, or why there is none. */
type Outcome = Response | "timeout" | { error: unknown };

export function createTransport(sender: Sender, defaults: Policy, logger?: Logger, trace?: Tracing["attempt"]): Transport {
  const send = async (request: Outgoing, { timeoutMs, maxRetries, maxResponseBytes } = defaults, caller = request.signal): Promise<Response> => {
    caller?.throwIfAborted();
    const { method, url, headers } = request;
    // A WHATWG Request (from a caller's middleware) holds a stream, read once; a CallRequest holds the text.
    const body = (request.arrayBuffer ? request.body && (await request.arrayBuffer()) : request.body) as SendInit["body"];
    // Whether a repeat is safe: looked up only when a retry is in question.
    let safe: boolean | undefined;
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      const init: SendInit = { method, headers, body, limit: maxResponseBytes };
      // Tracing (entries with diagnostics_channel): undefined while nobody subscribes.
      const traced = trace?.(method, url, attempt);
      // A sender that ignores its abort cannot hold the call: the race settles without it.
      // Only an attempt given up (timeout, caller's abort) is aborted: an abort is not free.
      const outcome: Outcome = await race(
        caller,
        sender(url, init).catch((error: unknown) => ({ error })),
        timeoutMs,
      ).catch((reason: unknown) => {
        init.abort?.();
        traced?.({ reason });
        throw reason;
      });
      if (outcome === "timeout") init.abort?.();
      const answered = typeof outcome === "object" && "status" in outcome;
      let retry = attempt <= maxRetries && (answered ? retryableStatus(outcome.status) : outcome === "timeout" || !(outcome.error instanceof MeetingError));
      const after = retry && answered ? retryAfterDelay(outcome.headers.get("Retry-After")) : undefined;
      // An operation that may act twice is sent again only when the server cannot have acted:
      // the connection was refused, or it answered 429/503 with a Retry-After to wait for.
      if (retry && !(safe ??= repeatable(method, url))) {
        retry = answered ? (outcome.status === 429 || outcome.status === 503) && after !== undefined : outcome !== "timeout" && refused(outcome.error);
      }
      const delay = retry ? (after ?? backoffDelay(attempt)) : undefined;
      traced?.(outcome, delay);
      if (logger) {
        const result = answered ? outcome.status : outcome === "timeout" ? "timeout" : "failed";
        // The line's code loads with the first line: only clients given a logger pay for it.
        (await import("./log.js")).logAttempt(logger, {
          method,
          url,
          headers,
          attempt,
          attempts: maxRetries + 1,
          result,
          ms: Date.now() - started,
          delay,
          retryAfter: after !== undefined,
        });
      }
      if (!retry) {
        if (answered) {
          if (redirected(outcome)) throw await (await import("./api-error.js")).redirectError(`${method} ${new URL(url).pathname}`, outcome, headers);
          return outcome;
        }
        // The sender's own verdict (the body is too large): final, not a connection failure.
        if (outcome !== "timeout" && outcome.error instanceof MeetingError) throw outcome.error;
        const what = `${method} ${url}: `;
        const tries = ` (${attempt} attempt${attempt > 1 ? "s" : ""})`;
        if (outcome === "timeout") throw new MeetingTimeoutError(`${what}no complete answer within ${timeoutMs} ms${tries}`, attempt);
        // Redacted: undici's parser errors, for one, carry the server's raw bytes.
        const cause = (await import("./redact.js")).bareError(outcome.error, headers);
        throw new MeetingConnectionError(`${what}no response${tries}: ${describe(cause)}`, attempt, cause);
      }
      await race(caller, new Promise(() => {}), delay);
    }
  };
  return Object.assign(send, { defaults });
}

/** A 3xx, or what a browser shows of one (an opaque redirect: status 0, no headers). */
function redirected(response: Response): boolean {
  return (response.status >= 300 && response.status < 400) || response.type === "opaqueredirect";
}

/** The error for a body past `limit` bytes: final, never retried. */
export function tooLarge(url: string, { method, limit }: SendInit): MeetingError {
  return new MeetingError(`${method} ${url}: the answer is larger than maxResponseBytes (${limit} bytes); not read`);
}

/** The sender on a WHATWG `fetch`: any runtime, any `fetch` a caller passes. */
export function fetchSender(fetch: Fetch): Sender {
  return async (url, init) => {
    const controller = new AbortController();
    init.abort = () => controller.abort();
    const { method, headers, body, limit } = init;
    const response = await fetch(url, { method, headers, body, signal: controller.signal, redirect: "manual" });
    // An opaque redirect has status 0, which no Response can be made with; nothing to read either.
    if (response.type === "opaqueredirect") return response;
    const length = response.headers.get("Content-Length");
    if (Number(length) > limit) {
      controller.abort();
      throw tooLarge(url, init);
    }
    // A null-body status (204, 304 …) has no body to read, and may be given none. A stated
    // length bounds the body, unless the body is decoded on the way (gzip …).
    // Any other body is read through the cap; that reader loads with the first such body.
    const text = !response.body
      ? ""
      : length !== null && !response.headers.has("Content-Encoding")
        ? await response.text()
        : await (await import("./read-capped.js")).readCapped(response.body.getReader(), limit, () => {
            controller.abort();
            return tooLarge(url, init);
          });
    // The body is in: a light answer holds it, rather than a second Response and its stream.
    return new CallResponse(response.status, response.headers, response.url || url, text, response.statusText) as unknown as Response;
  };
}

/** The most telling part of a failure: the system's code (ECONNREFUSED …) where there is one. */
function describe(error: unknown): string {
  const { cause, message } = (error ?? {}) as { cause?: { code?: string; message?: string }; message?: string };
  return cause?.code ?? cause?.message ?? message ?? String(error);
}
