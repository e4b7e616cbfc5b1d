// The retrying, timed transport: the `fetch` that openapi-fetch calls. Each attempt sends a
// fresh Request and reads the whole body under the attempt's timeout.
import { MeetingConnectionError, MeetingTimeoutError } from "./errors.js";
import { redactHeaders } from "./redact.js";
import { race } from "./race.js";
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

/** What one attempt came to: the whole answer, or why there is none. */
type Outcome = Response | "timeout" | { error: unknown };

export function createTransport(fetch: Fetch, defaults: Policy, logger?: Logger): Transport {
  const send = async (request: Request, { timeoutMs, maxRetries } = defaults, caller = request.signal): Promise<Response> => {
    caller.throwIfAborted();
    const { method, url, headers, redirect } = request;
    const init: RequestInit = { method, headers, redirect, body: request.body && (await request.arrayBuffer()) };
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      const outcome = await attemptOnce(fetch, url, init, timeoutMs, caller);
      const answered = outcome instanceof Response;
      const retry = attempt <= maxRetries && (!answered || retryableStatus(outcome.status));
      const after = retry && answered ? retryAfterDelay(outcome.headers.get("Retry-After")) : undefined;
      const delay = retry ? (after ?? backoffDelay(attempt)) : undefined;
      const result = answered ? outcome.status : outcome === "timeout" ? "timeout" : "connection failure";
      logger?.debug(
        `meeting-control ${method} ${url} attempt ${attempt}/${maxRetries + 1} → ${result} in ${Date.now() - started} ms; ` +
          (retry ? `retrying in ${delay} ms (${after === undefined ? "backoff" : "Retry-After"})` : "done"),
        { headers: redactHeaders(headers) },
      );
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

/** One attempt: the whole answer, "timeout", or why there is none; rejects only when the caller aborts. */
async function attemptOnce(fetch: Fetch, url: string, init: RequestInit, ms: number, caller: AbortSignal): Promise<Outcome> {
  const controller = new AbortController();
  const work = (async () => {
    const response = await fetch(new Request(url, { ...init, signal: controller.signal }));
    const { status } = response;
    const body = await response.arrayBuffer();
    return new Response(status === 204 || status === 205 || status === 304 ? null : body, response);
  })();
  try {
    // A fetch that ignores the signal cannot hold the call: the race settles without it.
    return await race(caller, work.catch((error: unknown) => ({ error })), ms);
  } finally {
    controller.abort();
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return `${error instanceof Error ? error.message : String(error)}${cause ? `: ${cause.code ?? cause.message}` : ""}`;
}
