// The transport's retry loop, called directly with a scripted sender and fake timers: exactly
// which outcomes are sent again and after how long, what an operation that may act twice is
// spared, the timeout and the caller's abort of an attempt, the errors that end a call, and
// every attempt's log line and trace, whole. No socket: each case runs in milliseconds.
import { getEventListeners } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MeetingApiError, MeetingConnectionError, MeetingError, MeetingTimeoutError } from "../../src/errors.js";
import { operations } from "../../src/generated/operations.js";
import { ownTimers, sharedTimer, type Deadlines } from "../../src/transport/deadlines.js";
import { createTransport, type Policy } from "../../src/transport/retrying.js";
import { NoAnswer, type SendInit, type Sender } from "../../src/transport/sender.js";

const BASE = "https://api.example";
const TOKEN = "EXAMPLE-secret-token-7f3a";
/** An idempotent operation (a repeat leaves the same state) and one that may act twice. */
const INVITE = { method: "PUT", url: `${BASE}${operations.inviteShare.path}?conferenceID=1&participantID=p1` };
const HANG_UP = { method: "POST", url: `${BASE}${operations.hangUp.path}?conferenceID=1` };
const POLICY: Policy = { timeoutMs: 1000, maxRetries: 2, maxResponseBytes: 4096 };

/** One attempt's part in the script: what the sender does with it. */
type Step = (init: SendInit) => Promise<Response>;

const answer =
  (status: number, headers: Record<string, string> = {}): Step =>
  async () =>
    new Response(status === 204 ? null : "{}", { status, headers });
/** The network failed before any answer (NoAnswer), with `error` as what it said. */
const noAnswer =
  (error: unknown): Step =>
  async () => {
    throw new NoAnswer(error);
  };
const econnrefused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
const econnreset = () => Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
/** Never settles; sets the attempt's `abort` hook unless told not to. */
const hang =
  ({ abortable = true } = {}): Step =>
  (init) => {
    if (abortable) init.abort = () => aborts.push(init);
    return new Promise(() => {});
  };

/** The inits whose `abort` hook was called, in order. */
let aborts: SendInit[] = [];
/** Where the transport keeps its attempts' deadlines: every case runs with each kind. */
let deadlines: Deadlines;

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  // Backoff waits three quarters of its ceiling: 375 ms, then 750 ms, then 1500 ms.
  vi.spyOn(Math, "random").mockReturnValue(0.5);
  aborts = [];
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A transport over a sender playing `script`, one step per attempt, recording what it saw, logged and traced. */
function rig(script: Step[], { policy = POLICY, logged = true, traced = true } = {}) {
  const sent: { url: string; init: SendInit }[] = [];
  const sender: Sender = (url, init) => {
    sent.push({ url, init });
    const step = script[sent.length - 1];
    if (!step) throw new Error(`attempt ${sent.length} is not in the script`);
    return step(init);
  };
  const lines: string[] = [];
  const metas: unknown[] = [];
  const logger = { debug: (line: string, meta: unknown) => lines.push(line) && metas.push(meta) };
  const traces: unknown[][] = [];
  const tracer = (method: string, url: string, attempt: number) => {
    traces.push(["begin", method, url, attempt]);
    return (outcome: unknown, retryInMs?: number) => {
      traces.push(["end", attempt, outcome, retryInMs]);
    };
  };
  /** The deadlines armed and neither cleared nor expired yet. */
  const live = new Set<unknown>();
  const tracked: Deadlines = {
    add: (ms, expire) => {
      const deadline = deadlines.add(ms, (outcome) => {
        live.delete(deadline);
        expire(outcome);
      });
      live.add(deadline);
      return deadline;
    },
    clear: (deadline) => {
      live.delete(deadline);
      deadlines.clear(deadline);
    },
  };
  const transport = createTransport(sender, policy, logged ? logger : undefined, traced ? tracer : undefined, tracked);
  /** The call run to its end, timers and all: a wait that should not be there fails the test at once instead of hanging it. */
  const run = async (...args: Parameters<typeof transport>) => {
    const call = settle(transport(...args));
    await vi.runAllTimersAsync();
    if (!call.settled) throw new Error("the call is still waiting");
    if (call.response) return call.response;
    throw call.error;
  };
  /** How many attempts were sent once `ms` more have passed. */
  const sentAfter = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
    return sent.length;
  };
  return { transport, run, sent, sentAfter, lines, metas, traces, live };
}

/** A CallRequest as openapi-fetch's facade hands it over: the body as text. */
function request({ method, url }: { method: string; url: string }, signal?: AbortSignal) {
  const headers = new Headers({ "content-type": "application/json", "x-conference-authorization": TOKEN });
  return { method, url, headers, body: '{"share":1}', signal: signal as AbortSignal };
}

/** The call's outcome, settled or not yet: never an unhandled rejection. */
function settle(promise: Promise<Response>) {
  const state: { response?: Response; error?: unknown; settled: boolean } = { settled: false };
  void promise.then(
    (response) => Object.assign(state, { response, settled: true }),
    (error: unknown) => Object.assign(state, { error, settled: true }),
  );
  return state;
}

const line = (call: { method: string; url: string }, attempt: string, result: string, ms: number, after: string) =>
  `meeting-control ${call.method} ${call.url} attempt ${attempt} → ${result} in ${ms} ms; ${after}`;

describe.each([
  ["a timer per attempt", () => ownTimers],
  ["one timer shared by the attempts (Deno's)", () => sharedTimer(() => {})],
])("with %s", (_, made) => {
  beforeEach(() => {
    deadlines = made();
  });

  describe("an idempotent operation", () => {
    it.each([408, 429, 500, 502, 503, 504])("answered %i is sent again after its backoff: 375 ms, then 750 ms", async (status) => {
      const { transport, sentAfter } = rig([answer(status), answer(status), answer(200)]);
      const call = settle(transport(request(INVITE)));
      expect(await sentAfter(374)).toBe(1);
      expect(await sentAfter(1)).toBe(2);
      expect(await sentAfter(749)).toBe(2);
      expect(await sentAfter(1)).toBe(3);
      expect(call.response?.status).toBe(200);
    });

    it.each([200, 204, 299, 400, 401, 404, 409, 501, 505, 599])("answered %i is not sent again: that answer is the call's", async (status) => {
      const script = answer(status);
      const { run, sent } = rig([script]);
      const response = await run(request(INVITE));
      expect(response.status).toBe(status);
      expect(sent).toHaveLength(1);
    });

    it("answered 500 three times with maxRetries 2: three attempts, and the last answer is returned as it is", async () => {
      const last = new Response("{}", { status: 500 });
      const { transport, sent, lines } = rig([answer(500), answer(500), async () => last]);
      const call = settle(transport(request(INVITE)));
      await vi.runAllTimersAsync();
      expect(call.response).toBe(last);
      expect(sent).toHaveLength(3);
      expect(lines).toEqual([
        line(INVITE, "1/3", "500", 0, "retrying in 375 ms (backoff)"),
        line(INVITE, "2/3", "500", 0, "retrying in 750 ms (backoff)"),
        line(INVITE, "3/3", "500", 0, "done"),
      ]);
    });

    it("with maxRetries 0 a 503 is the answer: one attempt", async () => {
      const { run, sent, lines } = rig([answer(503, { "retry-after": "0" })], { policy: { ...POLICY, maxRetries: 0 } });
      expect((await run(request(INVITE))).status).toBe(503);
      expect(sent).toHaveLength(1);
      expect(lines).toEqual([line(INVITE, "1/1", "503", 0, "done")]);
    });

    it("a Retry-After within the cap replaces the backoff; one beyond it (or malformed) leaves the backoff", async () => {
      const { transport, sentAfter, lines } = rig([answer(503, { "retry-after": "2" }), answer(429, { "retry-after": "61" }), answer(200)]);
      const call = settle(transport(request(INVITE)));
      expect(await sentAfter(1999)).toBe(1);
      expect(await sentAfter(1)).toBe(2);
      expect(await sentAfter(750)).toBe(3);
      expect(call.response?.status).toBe(200);
      expect(lines).toEqual([
        line(INVITE, "1/3", "503", 0, "retrying in 2000 ms (Retry-After)"),
        line(INVITE, "2/3", "429", 0, "retrying in 750 ms (backoff)"),
        line(INVITE, "3/3", "200", 0, "done"),
      ]);
    });

    it("the network failing before an answer (reset, or a runtime that cannot tell) is sent again", async () => {
      const { transport, sent, lines } = rig([noAnswer(econnreset()), noAnswer(new TypeError("Failed to fetch")), answer(200)]);
      const call = settle(transport(request(INVITE)));
      await vi.runAllTimersAsync();
      expect(call.response?.status).toBe(200);
      expect(sent).toHaveLength(3);
      expect(lines).toEqual([
        line(INVITE, "1/3", "failed", 0, "retrying in 375 ms (backoff)"),
        line(INVITE, "2/3", "failed", 0, "retrying in 750 ms (backoff)"),
        line(INVITE, "3/3", "200", 0, "done"),
      ]);
    });

    it("an attempt unanswered within timeoutMs is aborted once and sent again; each attempt has its own abort hook", async () => {
      const { transport, sent, lines } = rig([hang(), hang(), answer(200)]);
      const call = settle(transport(request(INVITE)));
      await vi.advanceTimersByTimeAsync(999);
      expect(aborts).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(aborts).toEqual([sent[0]!.init]);
      await vi.advanceTimersByTimeAsync(375 + 1000);
      expect(aborts).toEqual([sent[0]!.init, sent[1]!.init]);
      await vi.advanceTimersByTimeAsync(750);
      expect(call.response?.status).toBe(200);
      expect(aborts).toHaveLength(2);
      expect(lines).toEqual([
        line(INVITE, "1/3", "timeout", 1000, "retrying in 375 ms (backoff)"),
        line(INVITE, "2/3", "timeout", 1000, "retrying in 750 ms (backoff)"),
        line(INVITE, "3/3", "200", 0, "done"),
      ]);
    });

    it("an attempt answered in time is not aborted", async () => {
      const { run } = rig([
        (init) => {
          init.abort = () => aborts.push(init);
          return Promise.resolve(new Response("{}", { status: 200 }));
        },
      ]);
      await run(request(INVITE));
      await vi.runAllTimersAsync();
      expect(aborts).toEqual([]);
    });

    it("unanswered within timeoutMs on every attempt: a MeetingTimeoutError naming the call, the timeout and the attempts", async () => {
      const { transport, sent } = rig([hang(), hang({ abortable: false }), hang()]);
      const call = settle(transport(request(INVITE)));
      await vi.runAllTimersAsync();
      expect(sent).toHaveLength(3);
      expect(call.error).toBeInstanceOf(MeetingTimeoutError);
      expect(call.error).toMatchObject({ message: `PUT ${INVITE.url}: no complete answer within 1000 ms (3 attempts)`, attempts: 3 });
      expect(aborts).toEqual([sent[0]!.init, sent[2]!.init]);
    });
  });

  describe("an operation that may act twice (hangUp)", () => {
    it.each([408, 500, 502, 504])("answered %i, even with a Retry-After, is sent once only: the answer is the call's", async (status) => {
      const { run, sent, lines } = rig([answer(status, { "retry-after": "0" }), answer(200)]);
      expect((await run(request(HANG_UP))).status).toBe(status);
      expect(sent).toHaveLength(1);
      expect(lines).toEqual([line(HANG_UP, "1/3", String(status), 0, "done")]);
    });

    it.each([429, 503])("answered %i with a Retry-After within the cap is sent again once the wait is over", async (status) => {
      const { transport, sentAfter, lines } = rig([answer(status, { "retry-after": "1" }), answer(200)]);
      const call = settle(transport(request(HANG_UP)));
      expect(await sentAfter(999)).toBe(1);
      expect(await sentAfter(1)).toBe(2);
      expect(call.response?.status).toBe(200);
      expect(lines).toEqual([line(HANG_UP, "1/3", String(status), 0, "retrying in 1000 ms (Retry-After)"), line(HANG_UP, "2/3", "200", 0, "done")]);
    });

    it.each<Record<string, string>>([{}, { "retry-after": "61" }, { "retry-after": "soon" }])(
      "answered 503 or 429 with no usable Retry-After (%j) is sent once only",
      async (headers) => {
        for (const status of [503, 429]) {
          const { run, sent } = rig([answer(status, headers), answer(200)]);
          expect((await run(request(HANG_UP))).status).toBe(status);
          expect(sent).toHaveLength(1);
        }
      },
    );

    it("refused a connection (nothing was written) is sent again after its backoff, up to maxRetries", async () => {
      const refusal = econnrefused();
      const wrapped = new TypeError("fetch failed", { cause: econnrefused() });
      const { transport, sent, sentAfter, lines } = rig([noAnswer(refusal), noAnswer(wrapped), noAnswer(econnrefused())]);
      const call = settle(transport(request(HANG_UP)));
      expect(await sentAfter(374)).toBe(1);
      await vi.runAllTimersAsync();
      expect(sent).toHaveLength(3);
      expect(call.error).toBeInstanceOf(MeetingConnectionError);
      expect(call.error).not.toBeInstanceOf(MeetingTimeoutError);
      expect(call.error).toMatchObject({ message: `POST ${HANG_UP.url}: no response (3 attempts): connect ECONNREFUSED 127.0.0.1:9`, attempts: 3 });
      expect(lines).toEqual([
        line(HANG_UP, "1/3", "failed", 0, "retrying in 375 ms (backoff)"),
        line(HANG_UP, "2/3", "failed", 0, "retrying in 750 ms (backoff)"),
        line(HANG_UP, "3/3", "failed", 0, "done"),
      ]);
    });

    it("reset after the request may have been written is sent once only: a MeetingConnectionError", async () => {
      const { run, sent } = rig([noAnswer(econnreset()), answer(200)]);
      const error = await run(request(HANG_UP)).catch((e: unknown) => e);
      expect(sent).toHaveLength(1);
      expect(error).toBeInstanceOf(MeetingConnectionError);
      expect(error).toMatchObject({ message: `POST ${HANG_UP.url}: no response (1 attempt): read ECONNRESET`, attempts: 1 });
    });

    it("unanswered within timeoutMs is aborted and sent once only: a MeetingTimeoutError", async () => {
      const { transport, sent, lines } = rig([hang(), answer(200)]);
      const call = settle(transport(request(HANG_UP)));
      await vi.runAllTimersAsync();
      expect(sent).toHaveLength(1);
      expect(aborts).toEqual([sent[0]!.init]);
      expect(call.error).toBeInstanceOf(MeetingTimeoutError);
      expect(call.error).toMatchObject({ message: `POST ${HANG_UP.url}: no complete answer within 1000 ms (1 attempt)`, attempts: 1 });
      expect(lines).toEqual([line(HANG_UP, "1/3", "timeout", 1000, "done")]);
    });

    it("answered 503, then 429, each with a Retry-After: sent three times", async () => {
      const { transport, sent } = rig([answer(503, { "retry-after": "0" }), answer(429, { "retry-after": "0" }), answer(200)]);
      const call = settle(transport(request(HANG_UP)));
      await vi.runAllTimersAsync();
      expect(sent).toHaveLength(3);
      expect(call.response?.status).toBe(200);
    });
  });

  describe("once the answer's status has arrived", () => {
    it("a body that breaks off is not sent again, even for an idempotent operation", async () => {
      const { run, sent } = rig([
        async (init) => {
          init.status = 200;
          throw new NoAnswer(econnreset());
        },
        answer(200),
      ]);
      const error = await run(request(INVITE)).catch((e: unknown) => e);
      expect(sent).toHaveLength(1);
      expect(error).toBeInstanceOf(MeetingConnectionError);
      expect(error).toMatchObject({
        message: `PUT ${INVITE.url}: the answer (status 200) arrived, but it was cut off or could not be read; not sent again (1 attempt): read ECONNRESET`,
        attempts: 1,
      });
    });

    it("a body that stalls past timeoutMs is aborted and not sent again", async () => {
      const { transport, sent } = rig([
        (init) => {
          init.status = 503;
          init.abort = () => aborts.push(init);
          return new Promise(() => {});
        },
        answer(200),
      ]);
      const call = settle(transport(request(INVITE)));
      await vi.runAllTimersAsync();
      expect(sent).toHaveLength(1);
      expect(aborts).toEqual([sent[0]!.init]);
      expect(call.error).toBeInstanceOf(MeetingTimeoutError);
      expect(call.error).toMatchObject({ message: `PUT ${INVITE.url}: the answer (status 503) arrived, but no complete answer within 1000 ms; not sent again (1 attempt)` });
    });
  });

  describe("failures that end the call at once", () => {
    it("the sender's own verdict (a MeetingError: the body is too large) is thrown as it is, never retried", async () => {
      const tooLarge = new MeetingError("the answer is larger than maxResponseBytes");
      const { run, sent } = rig([
        async () => {
          throw tooLarge;
        },
        answer(200),
      ]);
      await expect(run(request(INVITE))).rejects.toBe(tooLarge);
      expect(sent).toHaveLength(1);
    });

    it("a MeetingError from a failed connection is thrown as it is too", async () => {
      const verdict = new MeetingError("refused by the sender");
      const { run, sent } = rig([noAnswer(verdict)], { policy: { ...POLICY, maxRetries: 0 } });
      await expect(run(request(INVITE))).rejects.toBe(verdict);
      expect(sent).toHaveLength(1);
    });

    it("a sender that rejects with anything but NoAnswer (its own bug) is called once: 'could not be sent'", async () => {
      const { run, sent } = rig([
        async () => {
          throw new TypeError("a bug in the sender");
        },
        answer(200),
      ]);
      const error = await run(request(INVITE)).catch((e: unknown) => e);
      expect(sent).toHaveLength(1);
      expect(error).toBeInstanceOf(MeetingConnectionError);
      expect(error).toMatchObject({ message: `PUT ${INVITE.url}: could not be sent (1 attempt): a bug in the sender`, attempts: 1 });
    });

    it("the failure kept as the error's cause is a redacted copy: no secret from the request's headers", async () => {
      const raw = Object.assign(new Error(`parse error near "${TOKEN}"`), { code: "HPE_INVALID" });
      const { run } = rig([noAnswer(raw)], { policy: { ...POLICY, maxRetries: 0 } });
      const error = (await run(request(INVITE)).catch((e: unknown) => e)) as MeetingConnectionError;
      expect(error.message).toBe(`PUT ${INVITE.url}: no response (1 attempt): parse error near "[redacted]"`);
      expect(error.cause).not.toBe(raw);
      expect(error.cause).toMatchObject({ name: "Error", message: 'parse error near "[redacted]"', code: "HPE_INVALID" });
      expect(JSON.stringify([String(error), (error.cause as Error).stack])).not.toContain(TOKEN);
    });
  });

  describe("a redirect is never followed", () => {
    it.each([300, 301, 308, 399])("HTTP %i: a MeetingApiError naming the call's path and the Location, one request", async (status) => {
      const { run, sent } = rig([answer(status, { location: "https://elsewhere.example/x" })]);
      const error = await run(request(INVITE)).catch((e: unknown) => e);
      expect(sent).toHaveLength(1);
      expect(error).toBeInstanceOf(MeetingApiError);
      expect(error).toMatchObject({
        status,
        message: `PUT ${operations.inviteShare.path}: HTTP ${status} (redirect to "https://elsewhere.example/x": not followed)`,
      });
    });

    it.each([299, 400])("HTTP %i with a Location is no redirect: returned as it is", async (status) => {
      const { run } = rig([answer(status, { location: "https://elsewhere.example/x" })]);
      expect((await run(request(INVITE))).status).toBe(status);
    });

    it("a browser's opaque redirect (status 0, no headers) is the error too", async () => {
      const opaque = { status: 0, type: "opaqueredirect", headers: new Headers() } as Response;
      const { run } = rig([async () => opaque]);
      const error = await run(request(INVITE)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MeetingApiError);
      expect(error).toMatchObject({ status: 0, message: `PUT ${operations.inviteShare.path}: HTTP 0 (redirect hidden by the browser: not followed)` });
    });

    it("a status-0 answer of another type is returned as it is", async () => {
      const odd = { status: 0, type: "error", headers: new Headers() } as Response;
      const { run } = rig([async () => odd]);
      await expect(run(request(INVITE))).resolves.toBe(odd);
    });
  });

  describe("the caller's abort", () => {
    it("during an attempt: rejects with the caller's reason, aborts that attempt once, traces the reason, sends nothing more", async () => {
      const controller = new AbortController();
      const { transport, sent, traces, lines } = rig([hang(), answer(200)]);
      const call = settle(transport(request(INVITE), POLICY, controller.signal));
      await vi.advanceTimersByTimeAsync(10);
      const reason = new Error("caller gave up");
      controller.abort(reason);
      await vi.runAllTimersAsync();
      expect(call.error).toBe(reason);
      expect(aborts).toEqual([sent[0]!.init]);
      expect(sent).toHaveLength(1);
      expect(traces).toEqual([
        ["begin", "PUT", INVITE.url, 1],
        ["end", 1, { reason }, undefined],
      ]);
      expect(lines).toEqual([]);
    });

    it("during an attempt whose sender set no abort hook, with no tracer: still the caller's reason", async () => {
      const controller = new AbortController();
      const { transport } = rig([hang({ abortable: false })], { traced: false });
      const call = settle(transport(request(INVITE), POLICY, controller.signal));
      await vi.advanceTimersByTimeAsync(10);
      const reason = new Error("caller gave up");
      controller.abort(reason);
      await vi.advanceTimersByTimeAsync(0);
      expect(call.error).toBe(reason);
    });

    it("during an attempt, no deadline and no listener is left behind", async () => {
      const controller = new AbortController();
      const { transport, live } = rig([hang()]);
      const call = settle(transport(request(INVITE), POLICY, controller.signal));
      await vi.advanceTimersByTimeAsync(10);
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
      expect(live.size).toBe(1);
      controller.abort("stop");
      await vi.advanceTimersByTimeAsync(0);
      expect(call.error).toBe("stop");
      expect(live.size).toBe(0);
      expect(getEventListeners(controller.signal, "abort")).toEqual([]);
    });

    it("a sender that aborts the caller's signal as it sends: the caller's reason, that attempt aborted, its rejection handled, no deadline left", async () => {
      const controller = new AbortController();
      const { transport, sent, live } = rig([
        (init) =>
          new Promise((_, reject) => {
            // Aborted, the sender rejects as fetch does: nothing may leave that rejection unhandled.
            init.abort = () => {
              aborts.push(init);
              reject(new NoAnswer(new DOMException("aborted", "AbortError")));
            };
            controller.abort("aborted while sending");
          }),
      ]);
      const call = settle(transport(request(INVITE), POLICY, controller.signal));
      await vi.advanceTimersByTimeAsync(0);
      expect(call.error).toBe("aborted while sending");
      expect(aborts).toEqual([sent[0]!.init]);
      expect(live.size).toBe(0);
    });

    it("an attempt answered or timed out keeps no listener on the caller's signal; the timeout applies as without a signal", async () => {
      const controller = new AbortController();
      const { transport, sent, sentAfter, live } = rig([hang(), answer(200)]);
      const call = settle(transport(request(INVITE), POLICY, controller.signal));
      expect(await sentAfter(POLICY.timeoutMs - 1)).toBe(1);
      expect(aborts).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(aborts).toEqual([sent[0]!.init]);
      await vi.runAllTimersAsync();
      expect(call.response?.status).toBe(200);
      expect(sent).toHaveLength(2);
      expect(getEventListeners(controller.signal, "abort")).toEqual([]);
      expect(live.size).toBe(0);
    });

    it("during the backoff: rejects with the reason at once, no attempt more", async () => {
      const controller = new AbortController();
      const { transport, sent } = rig([answer(500), answer(200)]);
      const call = settle(transport(request(INVITE), POLICY, controller.signal));
      await vi.advanceTimersByTimeAsync(100);
      controller.abort("stop");
      await vi.advanceTimersByTimeAsync(0);
      expect(call.error).toBe("stop");
      await vi.runAllTimersAsync();
      expect(sent).toHaveLength(1);
    });

    it("the request's own signal is the caller's by default; one already aborted sends nothing", async () => {
      const controller = new AbortController();
      controller.abort("before");
      const { run, sent } = rig([answer(200)]);
      await expect(run(request(INVITE, controller.signal))).rejects.toBe("before");
      expect(sent).toEqual([]);
    });

    it("a signal passed to the call wins over the request's own", async () => {
      const own = new AbortController();
      const caller = new AbortController();
      const { transport } = rig([hang()]);
      const call = settle(transport(request(INVITE, own.signal), POLICY, caller.signal));
      own.abort("the request's");
      await vi.advanceTimersByTimeAsync(0);
      expect(call.settled).toBe(false);
      caller.abort("the caller's");
      await vi.advanceTimersByTimeAsync(0);
      expect(call.error).toBe("the caller's");
    });
  });

  describe("what each attempt sends, logs and traces", () => {
    it("every attempt sends the method, the headers, the body and the policy's limit to the URL; the default policy applies", async () => {
      const { transport, sent } = rig([answer(500), answer(200)]);
      const outgoing = request(INVITE);
      const call = settle(transport(outgoing));
      await vi.runAllTimersAsync();
      expect(call.response?.status).toBe(200);
      expect(sent).toEqual([
        { url: INVITE.url, init: { method: "PUT", headers: outgoing.headers, body: '{"share":1}', limit: 4096 } },
        { url: INVITE.url, init: { method: "PUT", headers: outgoing.headers, body: '{"share":1}', limit: 4096 } },
      ]);
      expect(sent[0]!.init).not.toBe(sent[1]!.init);
    });

    it("a call's own policy replaces the defaults: its timeout, its retries and its limit", async () => {
      const { transport, sent, lines } = rig([hang(), answer(200)], { policy: POLICY });
      const call = settle(transport(request(INVITE), { timeoutMs: 50, maxRetries: 1, maxResponseBytes: 10 }));
      await vi.runAllTimersAsync();
      expect(call.response?.status).toBe(200);
      expect(sent.map(({ init }) => init.limit)).toEqual([10, 10]);
      expect(lines).toEqual([line(INVITE, "1/2", "timeout", 50, "retrying in 375 ms (backoff)"), line(INVITE, "2/2", "200", 0, "done")]);
    });

    it("a WHATWG Request's body is read once, as bytes; one without a body sends null", async () => {
      const { run, sent } = rig([answer(200), answer(200)]);
      const withBody = new Request(INVITE.url, { method: "PUT", body: '{"share":1}', headers: { "x-conference-authorization": TOKEN } });
      await run(withBody);
      expect(new TextDecoder().decode(sent[0]!.init.body as ArrayBuffer)).toBe('{"share":1}');
      expect(withBody.bodyUsed).toBe(true);
      await run(new Request(INVITE.url, { method: "GET" }));
      expect(sent[1]!.init.body).toBeNull();
    });

    it("each log line's meta holds the request's headers, the secret ones redacted", async () => {
      const { run, metas } = rig([answer(200)]);
      await run(request(INVITE));
      expect(metas).toEqual([{ headers: { "content-type": "application/json", "x-conference-authorization": "[redacted]" } }]);
    });

    it("the trace begins each attempt and ends it with its outcome and the wait that follows", async () => {
      const ok = new Response("{}", { status: 200 });
      const busy = new Response("{}", { status: 503, headers: { "retry-after": "3" } });
      const reset = econnreset();
      const { transport, traces } = rig([hang(), async () => busy, noAnswer(reset), async () => ok], { policy: { ...POLICY, maxRetries: 3 } });
      const call = settle(transport(request(INVITE)));
      await vi.runAllTimersAsync();
      expect(call.response).toBe(ok);
      expect(traces).toEqual([
        ["begin", "PUT", INVITE.url, 1],
        ["end", 1, "timeout", 375],
        ["begin", "PUT", INVITE.url, 2],
        ["end", 2, busy, 3000],
        ["begin", "PUT", INVITE.url, 3],
        ["end", 3, { error: reset, unanswered: true }, 1500],
        ["begin", "PUT", INVITE.url, 4],
        ["end", 4, ok, undefined],
      ]);
    });

    it("works with neither a logger nor a tracer", async () => {
      const { transport, sent } = rig([answer(500), answer(200)], { logged: false, traced: false });
      const call = settle(transport(request(INVITE)));
      await vi.runAllTimersAsync();
      expect(call.response?.status).toBe(200);
      expect(sent).toHaveLength(2);
    });

    it("the transport carries its defaults", () => {
      expect(rig([]).transport.defaults).toBe(POLICY);
    });
  });
});
