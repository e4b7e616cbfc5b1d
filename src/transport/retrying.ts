// The retrying, timed transport: the `fetch` that openapi-fetch calls. Each attempt is one
// exchange with the sender, which resolves only once the whole body is in, so the attempt's
// timeout covers the body too. No sender follows a redirect: the secret headers would go with it.
// Every path of a call is here, imported statically: a call's outcome never waits on loading
// code (a page whose server is gone could not load it). Only the network and the server's
// answer decide whether an attempt is repeated; never a failure of this code.
import { redirectError } from "../api-error.js";
import { MeetingError, noAnswerError } from "../errors.js";
import { logAttempt, type Logger } from "../log.js";
import { race } from "../race.js";
import { bareError } from "../redact.js";
import { backoffDelay, refused, repeatable, retryableStatus, retryAfterDelay } from "../retry.js";
import { ownTimers, type Deadlines } from "./deadlines.js";
import { NoAnswer, type SendInit, type Sender } from "./sender.js";

/**
 * Settles an attempt under way (made only while someone subscribes) with what came of it — a
 * response, `"timeout"`, `{ error }` (no response) or `{ reason }` (the caller aborted) — and
 * the wait before the next attempt, if one follows.
 */
export type AttemptTrace = (outcome: unknown, retryInMs?: number) => void;

/** Begins an attempt's trace: `undefined` while nobody subscribes. */
export type AttemptTracer = (method: string, url: string, attempt: number) => AttemptTrace | undefined;

/** The policy of a call: the client's options, or a call's own. */
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

/** Makes the transport; `deadlines` is where its attempts' deadlines are kept (default: a timer each). */
export function createTransport(sender: Sender, defaults: Policy, logger?: Logger, trace?: AttemptTracer, deadlines: Deadlines = ownTimers): Transport {
  const send = async (request: Outgoing, { timeoutMs, maxRetries, maxResponseBytes } = defaults, caller = request.signal): Promise<Response> => {
    caller?.throwIfAborted();
    const { method, url, headers } = request;
    // A WHATWG Request (from a caller's middleware) holds a stream, read once; a CallRequest holds the text.
    const body = (request.arrayBuffer ? request.body && (await request.arrayBuffer()) : request.body) as SendInit["body"];
    for (let attempt = 1; ; attempt++) {
      const started = logger ? Date.now() : 0;
      const init: SendInit = { method, headers, body, limit: maxResponseBytes };
      // Tracing (entries with diagnostics_channel): undefined while nobody subscribes.
      const traced = trace?.(method, url, attempt);
      // A sender that ignores its abort cannot hold the call: the race settles without it.
      // Only an attempt given up (timeout, caller's abort) is aborted: an abort is not free.
      const outcome = await settled(sender(url, init), init, caller, timeoutMs, traced, deadlines);
      if (outcome === "timeout") init.abort?.();
      const answered = typeof outcome === "object" && "status" in outcome;
      // An answer whose status arrived is never asked for again: not when its body stalls,
      // breaks off or cannot be read, nor when this code fails on it.
      const arrived = init.status;
      const unanswered = arrived === undefined && (outcome === "timeout" || (!answered && outcome.unanswered));
      let retry = attempt <= maxRetries && (answered ? retryableStatus(outcome.status) : unanswered);
      const after = retry && answered ? retryAfterDelay(outcome.headers.get("Retry-After")) : undefined;
      // An operation that may act twice is sent again only when the server cannot have acted:
      // the connection was refused, or it answered 429/503 with a Retry-After to wait for.
      // (Its table is looked up only when a retry is in question. A timeout has no `error`:
      // it may have reached the server, and is never a refusal.)
      if (retry && !repeatable(method, url)) {
        retry = answered ? (outcome.status === 429 || outcome.status === 503) && after !== undefined : refused((outcome as { error?: unknown }).error);
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
        if (outcome === "timeout") throw noAnswerError(`${method} ${url}`, outcome, attempt, timeoutMs, arrived);
        // The sender's own verdict (the body is too large): final, not a connection failure.
        if (outcome.error instanceof MeetingError) throw outcome.error;
        // Redacted: undici's parser errors, for one, carry the server's raw bytes.
        throw noAnswerError(`${method} ${url}`, { error: bareError(outcome.error, headers), unanswered: outcome.unanswered }, attempt, timeoutMs, arrived);
      }
      await race(caller, new Promise(() => {}), delay);
    }
  };
  return Object.assign(send, { defaults });
}

/**
 * What one attempt's exchange came to: the sender's answer or failure, or "timeout" once `ms`
 * have passed. The caller's abort stops the attempt, settles its trace and rejects with the
 * abort's reason. No timer or listener is left behind, whichever comes first.
 */
function settled(
  sending: Promise<Response>,
  init: SendInit,
  caller: AbortSignal | undefined,
  ms: number,
  traced: AttemptTrace | undefined,
  deadlines: Deadlines,
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let onAbort: (() => void) | undefined;
    const settle = (outcome: Outcome) => {
      deadlines.clear(deadline);
      // With a caller's signal, its listener is set.
      caller?.removeEventListener("abort", onAbort as () => void);
      resolve(outcome);
    };
    const deadline = deadlines.add(ms, settle);
    // Handled first: an attempt aborted at once still rejects, and that must never go unhandled.
    sending.then(settle, (error: unknown) => settle(failed(error)));
    // Only a call with a signal of its own listens (most have none); the listener goes as it fires.
    if (caller) {
      onAbort = () => {
        deadlines.clear(deadline);
        init.abort?.();
        const reason: unknown = caller.reason;
        traced?.({ reason });
        reject(reason);
      };
      // A `fetch` of the caller's may abort the signal as it sends: then it is aborted already.
      if (caller.aborted) return onAbort();
      caller.addEventListener("abort", onAbort, ONCE);
    }
  });
}

/** An abort listener that goes as it fires. */
const ONCE = { once: true };

/** Why an attempt's exchange failed: `unanswered` when the network failed before any answer (the sender's `NoAnswer`). */
function failed(error: unknown): Outcome {
  return error instanceof NoAnswer ? { error: error.cause, unanswered: true } : { error, unanswered: false };
}

/** A 3xx, or what a browser shows of one (an opaque redirect: status 0, no headers). */
function redirected(response: Response): boolean {
  return (response.status >= 300 && response.status < 400) || response.type === "opaqueredirect";
}
