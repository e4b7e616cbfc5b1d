// The managed token (src/token/managed.ts) on its own, in milliseconds: the typed client over a
// transport that records each token request and answers it when the test says, Date and the
// timers faked. Pins the exact requests (URL, headers), the cached lifetime and the renewal
// instants at their boundaries, the failed renewal, the shared request and its waiters, the
// sources one client keeps, wsUrl, the errors, and the token TracingChannel's messages.
import * as diagnostics from "node:diagnostics_channel";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApi } from "../../src/api.js";
import { managedTokens, type TokenTracer } from "../../src/token/managed.js";
import { CHANNELS, tracing } from "../../src/tracing.js";
import type { Policy, Transport } from "../../src/transport/retrying.js";
import { MeetingTimeoutError } from "../../src/errors.js";
import type { Logger } from "../../src/log.js";
import { thrown } from "../support/helpers.js";

const T0 = Date.parse("2026-11-25T09:00:00Z");
const BASE = "http://127.0.0.1:9";
const CONFERENCE = "986947855";
const PASSWORD = "EXAMPLE-host-password-7c1";
const NONCE = "EXAMPLE-nonce-3e0";
const TOKEN_URL = `${BASE}/v1/mmc/control/conferences/token?conferenceID=${CONFERENCE}`;
const DEFAULTS: Policy = { timeoutMs: 10_000, maxRetries: 2, maxResponseBytes: 1_000_000 };

/** One token request as the transport saw it; answered or failed when the test says. */
interface Exchange {
  url: string;
  method: string;
  headers: Record<string, string>;
  policy: Policy | undefined;
  signal: AbortSignal | undefined;
  answer(body: unknown, status?: number): void;
}

/** The managed tokens of one client, over a transport that records each request and holds it until answered. */
function setup(options: { trace?: TokenTracer; logger?: Logger } = {}) {
  const exchanges: Exchange[] = [];
  const send = (request: Parameters<Transport>[0], policy?: Policy, signal?: AbortSignal) =>
    new Promise<Response>((resolve, reject) => {
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      exchanges.push({
        url: request.url,
        method: request.method,
        headers: Object.fromEntries(new Headers(request.headers)),
        policy,
        signal,
        answer: (body, status = 200) => resolve(new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "content-type": "application/json" } })),
      });
    });
  const transport: Transport = Object.assign(send, { defaults: DEFAULTS });
  const tokens = managedTokens(createApi(BASE, transport), transport, { logger: options.logger }, options.trace);
  return { exchanges, tokens, source: (password = PASSWORD, nonce?: string) => tokens(CONFERENCE, password, nonce) };
}

/** Lets every pending promise chain run (the fake timers leave setImmediate alone). */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What a call's promise came to, without awaiting it. */
function settled<T>(promise: Promise<T>) {
  const state: { value?: T; error?: unknown; done: boolean } = { done: false };
  promise.then(
    (value) => {
      state.value = value;
      state.done = true;
    },
    (error: unknown) => {
      state.error = error;
      state.done = true;
    },
  );
  return state;
}

const at = (ms: number) => vi.setSystemTime(T0 + ms);
const issued = (token: string, data: Record<string, unknown> = { confTokenExpireTime: 1800 }) => ({ data: { token, ...data } });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"], now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the token request", () => {
  it("asks with the conferenceID, the host password and X-Login-Type 1; no token, no nonce", async () => {
    const { exchanges, source } = setup();
    const got = source().get();
    await flush();
    expect(exchanges.map(({ url, method, headers }) => ({ url, method, headers }))).toEqual([
      { url: TOKEN_URL, method: "GET", headers: { "x-password": PASSWORD, "x-login-type": "1" } },
    ]);
    exchanges[0]!.answer(issued("EXAMPLE-token-1"));
    await expect(got).resolves.toBe("EXAMPLE-token-1");
  });

  it("sends the nonce in X-Nonce, and the call's own headers", async () => {
    const { exchanges, source } = setup();
    void source(PASSWORD, NONCE).get({ headers: { "X-Trace-Id": "t-1" } });
    await flush();
    expect(exchanges[0]!.headers).toEqual({ "x-password": PASSWORD, "x-login-type": "1", "x-nonce": NONCE, "x-trace-id": "t-1" });
  });

  it("renews with the current token in X-Conference-Authorization, the password and nonce still sent", async () => {
    const { exchanges, source } = setup();
    const conf = source(PASSWORD, NONCE);
    const first = conf.get();
    await flush();
    exchanges[0]!.answer(issued("EXAMPLE-token-1"));
    await first;
    at(1_500_000);
    const renewed = conf.get();
    await flush();
    expect(exchanges[1]!.headers).toEqual({ "x-password": PASSWORD, "x-login-type": "1", "x-nonce": NONCE, "x-conference-authorization": "EXAMPLE-token-1" });
    exchanges[1]!.answer(issued("EXAMPLE-token-2"));
    await expect(renewed).resolves.toBe("EXAMPLE-token-2");
  });
});

/** An error as the fields a caller reads. */
const fields = (error: unknown) => {
  const { name, message, status, errorCode, errorMsg, body } = error as Record<string, unknown>;
  return { name, message, status, errorCode, errorMsg, body };
};

/** Obtains `token` (answered with `data`) for `source`: the first token request of a fresh source. */
async function obtain(h: ReturnType<typeof setup>, source: ReturnType<ReturnType<typeof setup>["source"]>, token: string, data?: Record<string, unknown>) {
  const got = source.get();
  await flush();
  h.exchanges.at(-1)!.answer(issued(token, data));
  return got;
}

/** What an ask of `source` gets from the cache: no request sent (failing at once, rather than waiting for an answer, when one is). */
async function fromCache(h: ReturnType<typeof setup>, source: ReturnType<ReturnType<typeof setup>["source"]>) {
  const sent = h.exchanges.length;
  const got = settled(source.get());
  await flush();
  expect(h.exchanges.length, "token requests").toBe(sent);
  return got.value;
}

describe("a request the server fails", () => {
  it("rejects with the typed error, the password redacted, and the next ask sends a new request", async () => {
    const h = setup();
    const conf = h.source();
    const first = settled(conf.get());
    await flush();
    h.exchanges[0]!.answer({ error_code: "MMC.111", error_msg: `wrong password ${PASSWORD}` }, 401);
    await flush();
    expect(fields(first.error)).toEqual({
      name: "AuthenticationError",
      message: "GET /v1/mmc/control/conferences/token: HTTP 401 MMC.111: wrong password [redacted]",
      status: 401,
      errorCode: "MMC.111",
      errorMsg: "wrong password [redacted]",
      body: { error_code: "MMC.111", error_msg: "wrong password [redacted]" },
    });
    const second = conf.get();
    await flush();
    expect(h.exchanges).toHaveLength(2);
    h.exchanges[1]!.answer(issued("EXAMPLE-token-1"));
    await expect(second).resolves.toBe("EXAMPLE-token-1");
  });

  it.each([
    ["an empty body", ""],
    ["an object without data", {}],
    ["data without a token", { data: {} }],
    ["an empty token", { data: { token: "" } }],
    ["a token that is a number", { data: { token: 12345 } }],
    ["a token that is an object", { data: { token: { value: "EXAMPLE-token" } } }],
  ])("%s is a MeetingApiError saying the answer holds no data.token", async (_, body) => {
    const h = setup();
    const got = settled(h.source().get());
    await flush();
    h.exchanges[0]!.answer(body);
    await flush();
    expect(fields(got.error)).toEqual({
      name: "MeetingApiError",
      message: "GET /v1/mmc/control/conferences/token: HTTP 200 (the answer holds no data.token)",
      status: 200,
      errorCode: "200",
      errorMsg: undefined,
      body: body === "" ? undefined : body,
    });
  });

  it("a token that cannot go into a header is a MeetingApiError, and the token is redacted from it", async () => {
    const h = setup();
    const got = settled(h.source().get());
    await flush();
    h.exchanges[0]!.answer({ data: { token: "EXAMPLE-token\r\nX-Injected: 1" } });
    await flush();
    expect(fields(got.error)).toEqual({
      name: "MeetingApiError",
      message: "GET /v1/mmc/control/conferences/token: HTTP 200 (the answer's data.token must be a header value: Latin-1, no CR, LF or controls, no edge spaces)",
      status: 200,
      errorCode: "200",
      errorMsg: undefined,
      body: { data: { token: "[redacted]" } },
    });
  });
});

/** How `source` answers an ask at `ms` after a first token was obtained at T0 with `data`: from the cache, by a renewal, or by a new token (password only). */
async function askedAt(data: Record<string, unknown>, ms: number): Promise<"cached" | "renewal" | "new token"> {
  at(0);
  const h = setup();
  const conf = h.source();
  await obtain(h, conf, "EXAMPLE-token-1", data);
  at(ms);
  void conf.get().catch(() => {});
  await flush();
  if (h.exchanges.length === 1) return "cached";
  return h.exchanges[1]!.headers["x-conference-authorization"] === "EXAMPLE-token-1" ? "renewal" : "new token";
}

describe("the lifetime of a token", () => {
  const HALF_HOUR = { renewAt: 1_500_000, expiresAt: 1_790_000 };
  it.each([
    ["confTokenExpireTime 1800 s", { confTokenExpireTime: 1800 }, HALF_HOUR],
    // Renewed at half the lifetime, sent until a tenth of it is left: 60 s → 30 s and 54 s.
    ["confTokenExpireTime 60 s", { confTokenExpireTime: 60 }, { renewAt: 30_000, expiresAt: 54_000 }],
    ["confTokenExpireTime 86,400 s (a day, the longest believed)", { confTokenExpireTime: 86_400 }, { renewAt: 86_100_000, expiresAt: 86_390_000 }],
    ["confTokenExpireTime 86,401 s (beyond a day: the half hour)", { confTokenExpireTime: 86_401 }, HALF_HOUR],
    ["confTokenExpireTime 0 (the half hour)", { confTokenExpireTime: 0 }, HALF_HOUR],
    ["confTokenExpireTime as a string (the half hour)", { confTokenExpireTime: "600" }, HALF_HOUR],
    ["expireTime 120 s ahead", { expireTime: T0 + 120_000 }, { renewAt: 60_000, expiresAt: 110_000 }],
    ["expireTime a day ahead", { expireTime: T0 + 86_400_000 }, { renewAt: 86_100_000, expiresAt: 86_390_000 }],
    ["expireTime a day and 1 ms ahead (the half hour)", { expireTime: T0 + 86_400_001 }, HALF_HOUR],
    ["expireTime now (the half hour)", { expireTime: T0 }, HALF_HOUR],
    ["expireTime as a string (the half hour)", { expireTime: String(T0 + 600_000) }, HALF_HOUR],
    ["confTokenExpireTime before expireTime", { confTokenExpireTime: 60, expireTime: T0 + 120_000 }, { renewAt: 30_000, expiresAt: 54_000 }],
    ["expireTime when confTokenExpireTime is implausible", { confTokenExpireTime: 1_800_000, expireTime: T0 + 120_000 }, { renewAt: 60_000, expiresAt: 110_000 }],
    ["neither (the half hour)", {}, HALF_HOUR],
  ])("%s: cached until renewAt, renewed until expiresAt, then replaced", async (_, data, { renewAt, expiresAt }) => {
    expect(await askedAt(data, renewAt - 1)).toBe("cached");
    expect(await askedAt(data, renewAt)).toBe("renewal");
    expect(await askedAt(data, expiresAt - 1)).toBe("renewal");
    expect(await askedAt(data, expiresAt)).toBe("new token");
  });

  it("is counted from when the request was sent, not when the answer came", async () => {
    const h = setup();
    const conf = h.source();
    const got = conf.get();
    await flush();
    at(20_000);
    h.exchanges[0]!.answer(issued("EXAMPLE-token-1", { confTokenExpireTime: 60 }));
    await got;
    at(29_999);
    expect(await fromCache(h, conf)).toBe("EXAMPLE-token-1");
    at(30_000);
    void conf.get();
    await flush();
    expect(h.exchanges).toHaveLength(2);
  });
});

describe("a renewal that fails", () => {
  const refusal = (token: string) => ({ error_code: "MMC.500", error_msg: `cannot renew ${token} for ${PASSWORD}` });

  /** A source holding EXAMPLE-token-1, the clock at `ms` (within its renewal window). */
  async function holding(ms: number) {
    const h = setup();
    const conf = h.source();
    await obtain(h, conf, "EXAMPLE-token-1");
    at(ms);
    return { h, conf };
  }

  it("while the token is valid: the token is still handed out, and renewal is tried again 5 s later", async () => {
    const { h, conf } = await holding(1_500_000);
    const during = conf.get();
    await flush();
    h.exchanges[1]!.answer(refusal("EXAMPLE-token-1"), 500);
    await expect(during).resolves.toBe("EXAMPLE-token-1");
    at(1_504_999);
    expect(await fromCache(h, conf)).toBe("EXAMPLE-token-1");
    at(1_505_000);
    const again = conf.get();
    await flush();
    expect(h.exchanges).toHaveLength(3);
    expect(h.exchanges[2]!.headers["x-conference-authorization"]).toBe("EXAMPLE-token-1");
    h.exchanges[2]!.answer(issued("EXAMPLE-token-2"));
    await expect(again).resolves.toBe("EXAMPLE-token-2");
  });

  it("a second before expiry: the wait of 5 s ends at expiry, where a new token is obtained with the password", async () => {
    const { h, conf } = await holding(1_789_000);
    const during = conf.get();
    await flush();
    h.exchanges[1]!.answer(refusal("EXAMPLE-token-1"), 500);
    await expect(during).resolves.toBe("EXAMPLE-token-1");
    at(1_789_999);
    expect(await fromCache(h, conf)).toBe("EXAMPLE-token-1");
    at(1_790_000);
    const fresh = conf.get();
    await flush();
    expect(h.exchanges.map((e) => e.headers["x-conference-authorization"])).toEqual([undefined, "EXAMPLE-token-1", undefined]);
    h.exchanges[2]!.answer(issued("EXAMPLE-token-2"));
    await expect(fresh).resolves.toBe("EXAMPLE-token-2");
  });

  it("once the token expired while it was under way: rejects with the error, the token and password redacted", async () => {
    const { h, conf } = await holding(1_500_000);
    const during = settled(conf.get());
    await flush();
    at(1_790_000);
    h.exchanges[1]!.answer(refusal("EXAMPLE-token-1"), 500);
    await flush();
    expect(fields(during.error)).toEqual({
      name: "InternalServerError",
      message: "GET /v1/mmc/control/conferences/token: HTTP 500 MMC.500: cannot renew [redacted] for [redacted]",
      status: 500,
      errorCode: "MMC.500",
      errorMsg: "cannot renew [redacted] for [redacted]",
      body: { error_code: "MMC.500", error_msg: "cannot renew [redacted] for [redacted]" },
    });
  });

  it("a millisecond before the token expired: the token is handed out", async () => {
    const { h, conf } = await holding(1_500_000);
    const during = conf.get();
    await flush();
    at(1_789_999);
    h.exchanges[1]!.answer(refusal("EXAMPLE-token-1"), 500);
    await expect(during).resolves.toBe("EXAMPLE-token-1");
  });

  it("after the server refused the token meanwhile (invalidate): rejects with the error, not the refused token", async () => {
    const { h, conf } = await holding(1_500_000);
    const during = settled(conf.get());
    await flush();
    expect(conf.invalidate("EXAMPLE-token-1")).toBe(true);
    h.exchanges[1]!.answer(refusal("EXAMPLE-token-1"), 500);
    await flush();
    expect(fields(during.error)).toMatchObject({ name: "InternalServerError", errorMsg: "cannot renew [redacted] for [redacted]" });
  });

  it("aborted by its caller: rejects with the caller's reason, and the token request is aborted", async () => {
    const { h, conf } = await holding(1_500_000);
    const controller = new AbortController();
    const during = settled(conf.get({ signal: controller.signal }));
    await flush();
    controller.abort(new Error("caller gave up"));
    await flush();
    expect(during.error).toEqual(new Error("caller gave up"));
    expect(h.exchanges[1]!.signal?.aborted).toBe(true);
  });
});

describe("invalidate", () => {
  it("forgets the refused token only: the next ask obtains a new one with the password", async () => {
    const h = setup();
    const conf = h.source();
    expect(conf.invalidate("EXAMPLE-token-0")).toBe(true);
    await obtain(h, conf, "EXAMPLE-token-1");
    expect(conf.invalidate("EXAMPLE-token-0")).toBe(true);
    expect(await fromCache(h, conf)).toBe("EXAMPLE-token-1");
    expect(conf.invalidate("EXAMPLE-token-1")).toBe(true);
    const fresh = conf.get();
    await flush();
    expect(h.exchanges[1]!.headers).toEqual({ "x-password": PASSWORD, "x-login-type": "1" });
    h.exchanges[1]!.answer(issued("EXAMPLE-token-2"));
    await expect(fresh).resolves.toBe("EXAMPLE-token-2");
  });
});

describe("one request for every ask", () => {
  const OWN: Policy = { timeoutMs: 100, maxRetries: 2, maxResponseBytes: 1_000 };

  it("asks with the same policy share the request, with no timer of their own; it is sent with the first ask's policy and signal", async () => {
    const h = setup();
    const conf = h.source();
    const asks = Array.from({ length: 50 }, () => conf.get());
    await flush();
    expect(h.exchanges).toHaveLength(1);
    expect(h.exchanges[0]!.policy).toBe(DEFAULTS);
    expect(h.exchanges[0]!.signal?.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    h.exchanges[0]!.answer(issued("EXAMPLE-token-1"));
    expect(await Promise.all(asks)).toEqual(Array(50).fill("EXAMPLE-token-1"));
  });

  it("is sent with the policy of the ask that started it", async () => {
    const h = setup();
    void h.source().get({ policy: OWN });
    await flush();
    expect(h.exchanges[0]!.policy).toBe(OWN);
  });

  it("an ask with another policy (or none) joins it and gets its token", async () => {
    const h = setup();
    const conf = h.source();
    const first = conf.get({ policy: OWN });
    const joined = conf.get();
    const other = conf.get({ policy: { ...DEFAULTS } });
    await flush();
    expect(h.exchanges).toHaveLength(1);
    h.exchanges[0]!.answer(issued("EXAMPLE-token-1"));
    expect(await Promise.all([first, joined, other])).toEqual(["EXAMPLE-token-1", "EXAMPLE-token-1", "EXAMPLE-token-1"]);
  });

  it.each([
    // Every attempt timing out, every backoff at its ceiling (0.5 s, 1 s, 2 s, 4 s, then 8 s at most).
    [{ timeoutMs: 100, maxRetries: 0 }, 100],
    [{ timeoutMs: 100, maxRetries: 2 }, 100 * 3 + 500 + 1000],
    [{ timeoutMs: 100, maxRetries: 6 }, 100 * 7 + 500 + 1000 + 2000 + 4000 + 8000 + 8000],
  ])("an ask with policy %o joining a request sent with another waits %i ms, then gets a MeetingTimeoutError", async (policy, ms) => {
    const h = setup();
    const conf = h.source();
    void conf.get().catch(() => {});
    const joined = settled(conf.get({ policy: { ...policy, maxResponseBytes: 1_000 } }));
    await flush();
    await vi.advanceTimersByTimeAsync(ms - 1);
    expect(joined.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(joined.error).toBeInstanceOf(MeetingTimeoutError);
    expect(joined.error).toMatchObject({
      message: `GET /v1/mmc/control/conferences/token: no token within ${ms} ms (the call's timeoutMs and maxRetries)`,
      attempts: 0,
    });
    // The request goes on for the ask that started it.
    expect(h.exchanges).toHaveLength(1);
    expect(h.exchanges[0]!.signal?.aborted).toBe(false);
  });

  it("has one request at a time, whichever microtask a new ask comes in as the request settles", async () => {
    for (let n = 0; n <= 40; n++) {
      at(0);
      const h = setup();
      const conf = h.source();
      const first = conf.get({ policy: OWN });
      // Joins with another policy: it leaves the request some microtasks after the first ask.
      const joined = conf.get();
      await flush();
      // Answered late: the token is due for renewal at once, so the new ask renews it.
      at(40_000);
      h.exchanges[0]!.answer(issued("EXAMPLE-token-1", { confTokenExpireTime: 60 }));
      for (let i = 0; i < n; i++) await null;
      const renewing = conf.get();
      await flush();
      const later = conf.get();
      await flush();
      expect(h.exchanges.length, `an ask ${n} microtasks after the answer`).toBe(2);
      expect(h.exchanges[1]!.signal?.aborted).toBe(false);
      h.exchanges[1]!.answer(issued("EXAMPLE-token-2"));
      expect(await Promise.all([first, joined, later])).toEqual(["EXAMPLE-token-1", "EXAMPLE-token-1", "EXAMPLE-token-2"]);
      expect(["EXAMPLE-token-1", "EXAMPLE-token-2"]).toContain(await renewing);
    }
  });

  it("a settled request is forgotten at once, however many asks are still leaving it", async () => {
    /** The first microtask after the answer at which a new ask sends a request of its own rather than join the answered one. */
    const firstOwnRequest = async (leaving: number) => {
      for (let n = 0; n <= 40; n++) {
        at(0);
        const h = setup();
        const conf = h.source();
        const asks = [conf.get()];
        // Asks with their own policies: they leave the request some microtasks after it settles.
        for (let i = 0; i < leaving; i++) asks.push(conf.get({ policy: { ...OWN, timeoutMs: 100 + i } }));
        await flush();
        // Answered late: the token is due for renewal at once, so a new ask renews it.
        at(40_000);
        h.exchanges[0]!.answer(issued("EXAMPLE-token-1", { confTokenExpireTime: 60 }));
        for (let i = 0; i < n; i++) await null;
        asks.push(conf.get());
        await flush();
        const own = h.exchanges.length === 2;
        h.exchanges[1]?.answer(issued("EXAMPLE-token-2"));
        await Promise.all(asks);
        if (own) return n;
      }
      return undefined;
    };
    const alone = await firstOwnRequest(0);
    expect(alone).toBeTypeOf("number");
    expect(await firstOwnRequest(3)).toBe(alone);
  });

  it("an ask whose signal is already aborted rejects with its reason and sends nothing", async () => {
    const h = setup();
    await expect(h.source().get({ signal: AbortSignal.abort(new Error("already gone")) })).rejects.toEqual(new Error("already gone"));
    await flush();
    expect(h.exchanges).toHaveLength(0);
  });

  it("once its last ask stops waiting the request is aborted, and the next ask sends a new one that later asks join", async () => {
    const h = setup();
    const conf = h.source();
    const first = new AbortController();
    const second = new AbortController();
    const a = settled(conf.get({ signal: first.signal }));
    const b = settled(conf.get({ signal: second.signal }));
    await flush();
    first.abort(new Error("first gave up"));
    await flush();
    expect(h.exchanges[0]!.signal?.aborted).toBe(false);
    second.abort(new Error("second gave up"));
    // Once the last ask has left (a microtask later), and before the aborted request has settled: a new request.
    await Promise.resolve();
    expect(h.exchanges[0]!.signal?.aborted).toBe(true);
    const c = conf.get();
    await flush();
    const d = conf.get();
    await flush();
    expect(a.error).toEqual(new Error("first gave up"));
    expect(b.error).toEqual(new Error("second gave up"));
    expect(h.exchanges).toHaveLength(2);
    expect(h.exchanges[0]!.signal?.aborted).toBe(true);
    h.exchanges[1]!.answer(issued("EXAMPLE-token-1"));
    expect(await Promise.all([c, d])).toEqual(["EXAMPLE-token-1", "EXAMPLE-token-1"]);
  });
});

describe("wsUrl", () => {
  it("is undefined until an answer gives data.wsURL, then kept through answers that give none", async () => {
    const h = setup();
    const conf = h.source();
    expect(conf.wsUrl).toBeUndefined();
    await obtain(h, conf, "EXAMPLE-token-1", { confTokenExpireTime: 60, wsURL: "wss://127.0.0.1:9/ws" });
    expect(conf.wsUrl).toBe("wss://127.0.0.1:9/ws");
    for (const [i, wsURL] of ["", 5, undefined].entries()) {
      at(60_000 * (i + 1));
      const renewed = conf.get();
      await flush();
      h.exchanges.at(-1)!.answer(issued(`EXAMPLE-token-${i + 2}`, { confTokenExpireTime: 60, wsURL }));
      await renewed;
      expect(conf.wsUrl).toBe("wss://127.0.0.1:9/ws");
    }
    at(300_000);
    const moved = conf.get();
    await flush();
    h.exchanges.at(-1)!.answer(issued("EXAMPLE-token-9", { wsURL: "wss://127.0.0.1:10/ws" }));
    await moved;
    expect(conf.wsUrl).toBe("wss://127.0.0.1:10/ws");
  });

  it.each([[""], [5], [{ url: "wss://127.0.0.1:9/ws" }], [null]])("is undefined after an answer whose wsURL is %o", async (wsURL) => {
    const h = setup();
    const conf = h.source();
    await obtain(h, conf, "EXAMPLE-token-1", { wsURL });
    expect(conf.wsUrl).toBeUndefined();
  });
});

describe("tracing on the token channel", () => {
  const EVENTS = ["start", "end", "asyncStart", "asyncEnd", "error"] as const;
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  /** Every message of the token channel, as the context stood when it was published. */
  function listen() {
    const messages: [string, Record<string, unknown>][] = [];
    const channel = diagnostics.tracingChannel(CHANNELS.token);
    const subscribers = Object.fromEntries(EVENTS.map((event) => [event, (context: Record<string, unknown>) => messages.push([event, { ...context }])]));
    channel.subscribe(subscribers as never);
    stop = () => channel.unsubscribe(subscribers as never);
    return messages;
  }

  it("traces the first request, a renewal and a failed renewal, with renewal and the error; never the token", async () => {
    const messages = listen();
    const h = setup({ trace: tracing(diagnostics)!.token });
    const conf = h.source();
    await obtain(h, conf, "EXAMPLE-token-1");
    at(1_500_000);
    const renewed = conf.get();
    await flush();
    h.exchanges[1]!.answer(issued("EXAMPLE-token-2"));
    await expect(renewed).resolves.toBe("EXAMPLE-token-2");
    at(3_000_000);
    const failed = conf.get();
    await flush();
    h.exchanges[2]!.answer({ error_code: "MMC.500", error_msg: "busy" }, 500);
    await expect(failed).resolves.toBe("EXAMPLE-token-2");
    const error = (messages.find(([event]) => event === "error")![1] as { error: unknown }).error;
    expect(fields(error)).toMatchObject({ name: "InternalServerError", message: "GET /v1/mmc/control/conferences/token: HTTP 500 MMC.500: busy" });
    const first = { conferenceID: CONFERENCE, renewal: false };
    const renewal = { conferenceID: CONFERENCE, renewal: true };
    expect(messages).toStrictEqual([
      ["start", first],
      ["end", first],
      ["asyncStart", first],
      ["asyncEnd", first],
      ["start", renewal],
      ["end", renewal],
      ["asyncStart", renewal],
      ["asyncEnd", renewal],
      ["start", renewal],
      ["end", renewal],
      ["error", { ...renewal, error }],
      ["asyncStart", { ...renewal, error }],
      ["asyncEnd", { ...renewal, error }],
    ]);
  });

  it("hands the tracer a unit that resolves empty: the token never reaches it", async () => {
    const units: { conferenceID: string; renewal: boolean; result: string }[] = [];
    const trace: TokenTracer = async (conferenceID, renewal, request) => {
      const result = await request();
      units.push({ conferenceID, renewal, result });
      return result;
    };
    const h = setup({ trace });
    const conf = h.source();
    await expect(obtain(h, conf, "EXAMPLE-token-1")).resolves.toBe("EXAMPLE-token-1");
    expect(units).toEqual([{ conferenceID: CONFERENCE, renewal: false, result: "" }]);
  });
});

describe("the sources of one client", () => {
  it("refuses a host password or nonce that cannot go into a header, naming the field", () => {
    const { tokens } = setup();
    expect(thrown(() => tokens(CONFERENCE, 5, undefined))).toEqual({ field: "auth.hostPassword", message: "auth.hostPassword must be a string, got 5" });
    expect(thrown(() => tokens(CONFERENCE, "EXAMPLE\npassword", undefined))).toEqual({
      field: "auth.hostPassword",
      message: "auth.hostPassword must be a header value: Latin-1, no CR, LF or controls, no edge spaces",
    });
    expect(thrown(() => tokens(CONFERENCE, PASSWORD, "EXAMPLE\nnonce"))).toEqual({
      field: "auth.nonce",
      message: "auth.nonce must be a header value: Latin-1, no CR, LF or controls, no edge spaces",
    });
  });

  it("hand out one source per conference and secrets: the same password and nonce, the same source", () => {
    const { tokens } = setup();
    const conf = tokens(CONFERENCE, "EXAMPLE-ab", undefined);
    expect(tokens(CONFERENCE, "EXAMPLE-ab", undefined)).toBe(conf);
    expect(conf.secrets).toEqual(["EXAMPLE-ab"]);
    // The same characters split otherwise between password and nonce are other secrets.
    const split = tokens(CONFERENCE, "EXAMPLE-a", "b");
    expect(split).not.toBe(conf);
    expect(split.secrets).toEqual(["EXAMPLE-a", "b"]);
    expect(tokens(CONFERENCE, "EXAMPLE-a", "b")).toBe(split);
    expect(tokens("1", "EXAMPLE-a", "b")).not.toBe(split);
  });

  it("keep 1,000 sources; the 1,001st drops the least recently used", () => {
    const { tokens } = setup();
    const made = Array.from({ length: 1000 }, (_, i) => tokens(String(i), PASSWORD, undefined));
    expect(tokens("0", PASSWORD, undefined)).toBe(made[0]);
    // "0" is now the most recently used: "1" is the least.
    tokens("1000", PASSWORD, undefined);
    expect(tokens("2", PASSWORD, undefined)).toBe(made[2]);
    expect(tokens("0", PASSWORD, undefined)).toBe(made[0]);
    expect(tokens("1", PASSWORD, undefined)).not.toBe(made[1]);
  });

  it("keep the source being looked up, even one that nobody has asked for a token for a minute", () => {
    const { tokens } = setup();
    const conf = tokens("1", PASSWORD, undefined);
    at(3_600_000);
    expect(tokens("1", PASSWORD, undefined)).toBe(conf);
    expect(tokens("1", PASSWORD, undefined)).toBe(conf);
  });

  it("keep a source while its token request is under way, however long", async () => {
    const h = setup();
    const old = h.tokens("1", PASSWORD, undefined);
    void old.get().catch(() => {});
    await flush();
    at(3_600_000);
    h.tokens("2", PASSWORD, undefined);
    expect(h.tokens("1", PASSWORD, undefined)).toBe(old);
  });

  it.each([
    [89_999, "kept"],
    [90_000, "dropped"],
  ])("a source last asked at 30,000 ms (its request failed), when another is made at %i ms: %s", async (ms, fate) => {
    const h = setup();
    const old = h.tokens("1", PASSWORD, undefined);
    at(30_000);
    const failed = old.get().catch(() => "failed");
    await flush();
    h.exchanges[0]!.answer({ error_code: "MMC.500" }, 500);
    await expect(failed).resolves.toBe("failed");
    at(ms);
    h.tokens("2", PASSWORD, undefined);
    expect(h.tokens("1", PASSWORD, undefined) === old).toBe(fate === "kept");
  });

  it.each([
    [59_999, "kept"],
    [60_000, "dropped"],
  ])("a source made at 0 and never asked, when another is made at %i ms: %s", (ms, fate) => {
    const { tokens } = setup();
    const old = tokens("1", PASSWORD, undefined);
    at(ms);
    tokens("2", PASSWORD, undefined);
    expect(tokens("1", PASSWORD, undefined) === old).toBe(fate === "kept");
  });

  it.each([
    [60_000, "kept"],
    [1_789_999, "kept"],
    [1_790_000, "dropped"],
  ])("a source holding a token that expires at 1,790,000 ms, when another is made at %i ms: %s", async (ms, fate) => {
    const h = setup();
    const old = h.tokens("1", PASSWORD, undefined);
    const got = old.get();
    await flush();
    h.exchanges[0]!.answer(issued("EXAMPLE-token-1"));
    await got;
    at(ms);
    h.tokens("2", PASSWORD, undefined);
    expect(h.tokens("1", PASSWORD, undefined) === old).toBe(fate === "kept");
  });

  it("without a tokenStore, no store is asked: nothing is logged", async () => {
    const debug = vi.fn();
    const h = setup({ logger: { debug } });
    await expect(obtain(h, h.source(), "EXAMPLE-token-1")).resolves.toBe("EXAMPLE-token-1");
    expect(debug).not.toHaveBeenCalled();
  });
});
