// The retrying, timed transport: the `fetch` that openapi-fetch calls. Each attempt sends a
// fresh Request and reads the whole body under the attempt's timeout.
import { MeetingConnectionError, MeetingTimeoutError } from "./errors.js";
import { redactHeaders } from "./redact.js";
import { backoffDelay, retryableStatus, retryAfterDelay } from "./retry.js";

export type Fetch = (request: Request) => Promise<Response>;

/** A console-compatible logger; only `debug` is used. */
export interface Logger {
  debug(...data: unknown[]): void;
}

export interface Policy {
  timeoutMs: number;
  maxRetries: number;
}

export interface Transport {
  /** Sends `request`; `signal` is the caller's (default: the request's own). */
  (request: Request, policy?: Policy, signal?: AbortSignal): Promise<Response>;
  readonly defaults: Policy;
}

type Outcome = { response: Response } | { failure: "timeout" } | { failure: "connection"; error: unknown };

export function createTransport(fetch: Fetch, defaults: Policy, logger?: Logger): Transport {
  async function send(request: Request, policy: Policy = defaults, caller: AbortSignal = request.signal): Promise<Response> {
    caller.throwIfAborted();
    const body = request.body === null ? null : await request.arrayBuffer();
    const attempts = policy.maxRetries + 1;
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      const init: RequestInit = { method: request.method, headers: request.headers, body, redirect: request.redirect };
      const outcome = await attemptOnce(fetch, request.url, init, policy.timeoutMs, caller);
      const last = attempt === attempts;
      let delay: number | undefined;
      let why = "backoff";
      if ("response" in outcome) {
        if (!last && retryableStatus(outcome.response.status)) {
          delay = retryAfterDelay(outcome.response.headers.get("Retry-After"));
          if (delay === undefined) delay = backoffDelay(attempt);
          else why = "Retry-After";
        }
      } else if (!last) {
        delay = backoffDelay(attempt);
      }
      if (logger) {
        const result = "response" in outcome ? String(outcome.response.status) : outcome.failure;
        const next = delay === undefined ? "done" : `retrying in ${delay} ms (${why})`;
        logger.debug(
          `meeting-control ${request.method} ${request.url} attempt ${attempt}/${attempts} → ${result} in ${Date.now() - started} ms; ${next}`,
          { headers: redactHeaders(request.headers) },
        );
      }
      if (delay === undefined) {
        if ("response" in outcome) return outcome.response;
        const what = `${request.method} ${request.url}`;
        const tries = `${attempt} attempt${attempt === 1 ? "" : "s"}`;
        if (outcome.failure === "timeout") {
          throw new MeetingTimeoutError(`${what}: no complete answer within ${policy.timeoutMs} ms (${tries})`, { attempts: attempt });
        }
        throw new MeetingConnectionError(`${what}: no response (${tries}): ${describe(outcome.error)}`, {
          attempts: attempt,
          cause: outcome.error,
        });
      }
      await sleep(delay, caller);
    }
  }
  return Object.assign(send, { defaults });
}

/** One attempt: settles on the whole answer, a timeout or a failure; rejects only when the caller aborts. */
function attemptOnce(fetch: Fetch, url: string, init: RequestInit, timeoutMs: number, caller: AbortSignal): Promise<Outcome> {
  return new Promise<Outcome>((resolve, reject) => {
    const controller = new AbortController();
    let settled = false;
    const settle = (outcome: Outcome | undefined, abortReason?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      caller.removeEventListener("abort", onAbort);
      if (abortReason !== undefined) {
        controller.abort(abortReason);
        reject(abortReason);
      } else if (outcome) {
        if (!("response" in outcome)) controller.abort();
        resolve(outcome);
      }
    };
    const onAbort = () => settle(undefined, caller.reason);
    const timer = setTimeout(() => settle({ failure: "timeout" }), timeoutMs);
    caller.addEventListener("abort", onAbort, { once: true });
    // A fetch that ignores the signal cannot hold the call: the attempt settles without it.
    let pending: Promise<Response>;
    try {
      pending = fetch(new Request(url, { ...init, signal: controller.signal }));
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending
      .then(async (response) => {
        const status = response.status;
        const bytes = await response.arrayBuffer();
        const empty = status === 204 || status === 205 || status === 304;
        return new Response(empty ? null : bytes, { status, statusText: response.statusText, headers: response.headers });
      })
      .then(
        (response) => settle({ response }),
        (error: unknown) => settle({ failure: "connection", error }),
      );
  });
}

/** Waits `ms`, or rejects at once with the caller's abort reason. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${(error.cause as Error & { code?: string }).code ?? error.cause.message}` : "";
  return `${error.message}${cause}`;
}
