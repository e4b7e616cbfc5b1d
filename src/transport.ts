// The retrying, timed transport: the `fetch` that openapi-fetch calls. Each attempt is one
// exchange with the sender, which resolves only once the whole body is in, so the attempt's
// timeout covers the body too. No sender follows a redirect: the secret headers would go with it.
// Every path of a call is here, imported statically: a call's outcome never waits on loading
// code (a page whose server is gone could not load it). Only the network and the server's
// answer decide whether an attempt is repeated; never a failure of this code.
import { redirectError } from "./api-error.js";
import { MeetingConnectionError, MeetingError, MeetingTimeoutError } from "./errors.js";
import { logAttempt } from "./log.js";
import { race } from "./race.js";
import { readCapped } from "./read-capped.js";
import { bareError } from "./redact.js";
import { backoffDelay, refused, repeatable, retryableStatus, retryAfterDelay } from "./retry.js";
import type { Tracing } from "./tracing.js";
import { CallResponse } from "./transport/call-response.js";

/** A WHATWG `fetch`, as a caller may pass one: called as `fetch(url, init)`. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/**
 * What one attempt sends, and `limit`: the most body bytes to read (decoded). The sender sets
 * `abort`: how to stop this attempt if it is given up; and `status` as soon as the answer's
 * status and headers are in: from then on, the attempt is never repeated.
 */
export interface SendInit {
  method: string;
  headers: Headers;
  body: string | ArrayBuffer | null;
  limit: number;
  abort?: () => void;
  status?: number;
}

/**
 * A sender's rejection when the exchange failed before any answer came (refused, reset, DNS,
 * TLS …): what the network did, the one failure worth another attempt. Any other rejection
 * (the client's own code failing, an answer cut off) ends the call.
 */
export class NoAnswer {
  constructor(readonly cause: unknown) {}
}

/**
 * Sends one attempt without following a redirect, and resolves with the whole answer, body
 * read; rejects with `NoAnswer` when the network failed before an answer, and with
 * `tooLarge()` once the body passes `init.limit`.
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

/** What one attempt came to: the whole answer, or why there is none (`unanswered`: the network failed before any answer). */
type Outcome = Response | "timeout" | { error: unknown; unanswered: boolean };

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
        sender(url, init).catch((error: unknown) => (error instanceof NoAnswer ? { error: error.cause, unanswered: true } : { error, unanswered: false })),
        timeoutMs,
      ).catch((reason: unknown) => {
        init.abort?.();
        traced?.({ reason });
        throw reason;
      });
      if (outcome === "timeout") init.abort?.();
      const answered = typeof outcome === "object" && "status" in outcome;
      // An answer whose status arrived is never asked for again: not when its body stalls,
      // breaks off or cannot be read, nor when this code fails on it.
      const arrived = init.status;
      let retry = attempt <= maxRetries && (answered ? retryableStatus(outcome.status) : arrived === undefined && (outcome === "timeout" || outcome.unanswered));
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
        logAttempt(logger, {
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
          if (redirected(outcome)) throw redirectError(`${method} ${new URL(url).pathname}`, outcome, headers);
          return outcome;
        }
        // The sender's own verdict (the body is too large): final, not a connection failure.
        if (outcome !== "timeout" && outcome.error instanceof MeetingError) throw outcome.error;
        const what = `${method} ${url}: `;
        const tries = ` (${attempt} attempt${attempt > 1 ? "s" : ""})`;
        // An answer that arrived but was not read whole is named: the server may have acted on the request.
        const cut = arrived === undefined ? "" : `the answer (status ${arrived}) arrived, but `;
        const again = arrived === undefined ? "" : "; not sent again";
        if (outcome === "timeout") throw new MeetingTimeoutError(`${what}${cut}no complete answer within ${timeoutMs} ms${again}${tries}`, attempt);
        // Redacted: undici's parser errors, for one, carry the server's raw bytes.
        const cause = bareError(outcome.error, headers);
        // Neither the network's failure nor the answer's: the client's own code failed before any answer.
        let why = "could not be sent";
        if (outcome.unanswered) why = "no response";
        else if (cut) why = `${cut}it was cut off or could not be read${again}`;
        throw new MeetingConnectionError(`${what}${why}${tries}: ${describe(cause)}`, attempt, cause);
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
    // A rejection of fetch's promise is the network's (a TypeError, in browsers, is all they tell).
    const response = await fetch(url, { method, headers, body, signal: controller.signal, redirect: "manual" }).catch((error: unknown) => {
      throw new NoAnswer(error);
    });
    init.status = response.status;
    // An opaque redirect has status 0, which no Response can be made with; nothing to read either.
    if (response.type === "opaqueredirect") return response;
    const length = response.headers.get("Content-Length");
    if (Number(length) > limit) {
      controller.abort();
      throw tooLarge(url, init);
    }
    // A null-body status (204, 304 …) has no body to read, and may be given none. A stated
    // length bounds the body, unless the body is decoded on the way (gzip …).
    // Any other body is read through the cap.
    const text = !response.body
      ? ""
      : length !== null && !response.headers.has("Content-Encoding")
        ? await response.text()
        : await readCapped(response.body.getReader(), limit, () => {
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
