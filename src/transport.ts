// The retrying, timed transport: the `fetch` that openapi-fetch calls. Each attempt is one
// exchange with the sender, which resolves only once the whole body is in, so the attempt's
// timeout covers the body too.
import { MeetingConnectionError, MeetingTimeoutError } from "./errors.js";
import { race } from "./race.js";
import { redactHeaders } from "./redact.js";
import { backoffDelay, retryableStatus, retryAfterDelay } from "./retry.js";
import type { Tracing } from "./tracing.js";

/** A WHATWG `fetch`, as a caller may pass one: called as `fetch(url, init)`. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** What one attempt sends. The sender sets `abort`: how to stop this attempt if it is given up. */
export interface SendInit {
  method: string;
  headers: Headers;
  body: string | ArrayBuffer | null;
  abort?: () => void;
}

/** Sends one attempt and resolves with the whole answer, body read. */
export type Sender = (url: string, init: SendInit) => Promise<Response>;

/** A console-compatible logger; only `debug` is used. */
export interface Logger {
  debug(...data: unknown[]): void;
}

export interface Policy {
  timeoutMs: number;
  maxRetries: number;
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
  const send = async (request: Outgoing, { timeoutMs, maxRetries } = defaults, caller = request.signal): Promise<Response> => {
    caller?.throwIfAborted();
    const { method, url, headers } = request;
    // A WHATWG Request (from a caller's middleware) holds a stream, read once; a CallRequest holds the text.
    const body = (request.arrayBuffer ? request.body && (await request.arrayBuffer()) : request.body) as SendInit["body"];
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      const init: SendInit = { method, headers, body };
      // Tracing (entries with diagnostics_channel): undefined while nobody subscribes.
      const traced = trace?.(method, url, attempt);
      // A sender that ignores its abort cannot hold the call: the race settles without it.
      // Only an attempt given up (timeout, caller's abort) is aborted: an abort is not free.
      const outcome: Outcome = await race(caller, sender(url, init).catch((error: unknown) => ({ error })), timeoutMs).catch((reason: unknown) => {
        init.abort?.();
        traced?.({ reason });
        throw reason;
      });
      if (outcome === "timeout") init.abort?.();
      const answered = typeof outcome === "object" && "status" in outcome;
      const retry = attempt <= maxRetries && (!answered || retryableStatus(outcome.status));
      const after = retry && answered ? retryAfterDelay(outcome.headers.get("Retry-After")) : undefined;
      const delay = retry ? (after ?? backoffDelay(attempt)) : undefined;
      traced?.(outcome, delay);
      if (logger) {
        const result = answered ? outcome.status : outcome === "timeout" ? "timeout" : "failed";
        logger.debug(
          `meeting-control ${method} ${url} attempt ${attempt}/${maxRetries + 1} → ${result} in ${Date.now() - started} ms; ` +
            (retry ? `retrying in ${delay} ms (${after === undefined ? "backoff" : "Retry-After"})` : "done"),
          { headers: redactHeaders(headers) },
        );
      }
      if (!retry) {
        if (answered) return outcome;
        const what = `${method} ${url}: `;
        const tries = ` (${attempt} attempt${attempt > 1 ? "s" : ""})`;
        if (outcome === "timeout") throw new MeetingTimeoutError(`${what}no complete answer within ${timeoutMs} ms${tries}`, attempt);
        throw new MeetingConnectionError(`${what}no response${tries}: ${describe(outcome.error)}`, attempt, outcome.error);
      }
      await race(caller, new Promise(() => {}), delay);
    }
  };
  return Object.assign(send, { defaults });
}

/** The sender on a WHATWG `fetch`: any runtime, any `fetch` a caller passes. */
export function fetchSender(fetch: Fetch): Sender {
  return async (url, init) => {
    const controller = new AbortController();
    init.abort = () => controller.abort();
    const response = await fetch(url, { ...init, signal: controller.signal });
    // A null-body status (204, 304 …) has no body to read, and may be given none.
    return new Response(response.body && (await response.arrayBuffer()), response);
  };
}

/** The most telling part of a failure: the system's code (ECONNREFUSED …) where there is one. */
function describe(error: unknown): string {
  const { cause, message } = (error ?? {}) as { cause?: { code?: string; message?: string }; message?: string };
  return cause?.code ?? cause?.message ?? message ?? String(error);
}
