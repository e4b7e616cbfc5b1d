// The client's and a call's options, checked directly: every value at its edges, the exact
// message naming the option, and the defaults filled in.
import { describe, expect, it } from "vitest";
import { callInit } from "../../src/call/options.js";
import { checkCallOptions, checkClientOptions, type EntryAbilities } from "../../src/options.js";
import { thrown } from "../support/helpers.js";

const NODE: EntryAbilities = { dispatcher: true, hostPassword: true };
const BROWSER: EntryAbilities = { dispatcher: false, hostPassword: false };
const DEFAULTS = { timeoutMs: 10_000, maxRetries: 2, maxResponseBytes: 8 * 1024 * 1024 };
const store = { get() {}, set() {}, setIfAbsent() {}, deleteIf() {} };
const dispatcher = { dispatch() {} };

describe("checkClientOptions", () => {
  it("with no options: the cn-north-4 host and the default policy", () => {
    const settings = checkClientOptions(undefined, NODE);
    expect(settings).toMatchObject({ baseUrl: "https://api.meeting.huaweicloud.com", policy: DEFAULTS, wsUrl: undefined });
    expect(checkClientOptions({ region: "ap-southeast-1" }, NODE).baseUrl).toBe("https://api-intl.meeting.huaweicloud.com");
    expect(checkClientOptions({ region: "ap-southeast-1", baseUrl: "https://proxy.test/m/" }, NODE).baseUrl).toBe("https://proxy.test/m");
  });

  it("the policy: each option at its edges", () => {
    expect(checkClientOptions({ timeoutMs: 1, maxRetries: 0, maxResponseBytes: 1 }, NODE).policy).toEqual({ timeoutMs: 1, maxRetries: 0, maxResponseBytes: 1 });
    expect(checkClientOptions({ timeoutMs: 2 ** 31 - 1, maxRetries: 10, maxResponseBytes: 2 ** 29 }, NODE).policy).toEqual({
      timeoutMs: 2 ** 31 - 1,
      maxRetries: 10,
      maxResponseBytes: 2 ** 29,
    });
    expect(checkClientOptions({ timeoutMs: 0.5 }, NODE).policy).toEqual({ ...DEFAULTS, timeoutMs: 0.5 });
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ timeoutMs: 0 }, "timeoutMs", "timeoutMs must be ms in (0, 2147483647], got 0"],
    [{ timeoutMs: 2 ** 31 }, "timeoutMs", "timeoutMs must be ms in (0, 2147483647], got 2147483648"],
    [{ timeoutMs: "5" }, "timeoutMs", "timeoutMs must be ms in (0, 2147483647], got string"],
    [{ maxRetries: -1 }, "maxRetries", "maxRetries must be an integer in [0, 10], got -1"],
    [{ maxRetries: 11 }, "maxRetries", "maxRetries must be an integer in [0, 10], got 11"],
    [{ maxRetries: 1.5 }, "maxRetries", "maxRetries must be an integer in [0, 10], got 1.5"],
    [{ maxResponseBytes: 0 }, "maxResponseBytes", "maxResponseBytes must be an integer in [1, 536870912], got 0"],
    [{ maxResponseBytes: 2 ** 29 + 1 }, "maxResponseBytes", "maxResponseBytes must be an integer in [1, 536870912], got 536870913"],
    [{ maxResponseBytes: 1.5 }, "maxResponseBytes", "maxResponseBytes must be an integer in [1, 536870912], got 1.5"],
    [{ allowInsecureHttp: 1 }, "allowInsecureHttp", "allowInsecureHttp must be a boolean, got 1"],
    [{ region: "eu-west-0" }, "region", "region must be one of cn-north-4, ap-southeast-1"],
    [{ region: "toString" }, "region", "region must be one of cn-north-4, ap-southeast-1"],
    [{ region: 4 }, "region", "region must be one of cn-north-4, ap-southeast-1"],
    // A key only when read as text: a region must be the string itself.
    [{ region: ["cn-north-4"] }, "region", "region must be one of cn-north-4, ap-southeast-1"],
    [{ fetch: "fetch" }, "fetch", "fetch must be a function, got string"],
    [{ logger: {} }, "logger", "logger must have a debug() method"],
    [{ logger: null }, "logger", "logger must have a debug() method"],
    [{ WebSocket: {} }, "WebSocket", "WebSocket must be a WebSocket constructor, got object"],
    [{ WebSocket: () => {} }, "WebSocket", "WebSocket must be a WebSocket constructor, got function"],
    [{ WebSocket: { prototype: {} } }, "WebSocket", "WebSocket must be a WebSocket constructor, got object"],
    [{ dispatcher: {} }, "dispatcher", "dispatcher must be an undici Dispatcher, got object"],
    [{ dispatcher: null }, "dispatcher", "dispatcher must be an undici Dispatcher, got null"],
    [{ dispatcher, fetch: () => {} }, "dispatcher", "dispatcher goes with the built-in Node transport, not with fetch"],
    [{ tokenStore: { ...store, deleteIf: 1 } }, "tokenStore", "tokenStore must have a deleteIf() method, got object"],
    [{ tokenStore: { get() {} } }, "tokenStore", "tokenStore must have a set() method, got object"],
    [{ tokenStore: null }, "tokenStore", "tokenStore must have a get() method, got null"],
    [{ baseUrl: "not a url" }, "baseUrl", "baseUrl must be an absolute URL"],
    [{ baseUrl: "http://meeting.test" }, "baseUrl", "baseUrl must be https: (http: only to loopback, or with allowInsecureHttp)"],
    [{ baseUrl: "http://127.0.0.1.example.test" }, "baseUrl", "baseUrl must be https: (http: only to loopback, or with allowInsecureHttp)"],
    [{ baseUrl: "http://127.0.0.1x.test" }, "baseUrl", "baseUrl must be https: (http: only to loopback, or with allowInsecureHttp)"],
    [{ baseUrl: "http://my-localhost" }, "baseUrl", "baseUrl must be https: (http: only to loopback, or with allowInsecureHttp)"],
    [{ baseUrl: "http://meeting.test", allowInsecureHttp: false }, "baseUrl", "baseUrl must be https: (http: only to loopback, or with allowInsecureHttp)"],
    [{ baseUrl: "ftp://127.0.0.1" }, "baseUrl", "baseUrl must be https: (http: only to loopback, or with allowInsecureHttp)"],
    [{ baseUrl: "ws://127.0.0.1" }, "baseUrl", "baseUrl must be https: (http: only to loopback, or with allowInsecureHttp)"],
    [{ baseUrl: "wss://meeting.test" }, "baseUrl", "baseUrl must be https: (http: only to loopback, or with allowInsecureHttp)"],
    [{ baseUrl: "https://u@meeting.test" }, "baseUrl", "baseUrl must not hold credentials, query or fragment"],
    [{ baseUrl: "https://:p@meeting.test" }, "baseUrl", "baseUrl must not hold credentials, query or fragment"],
    [{ baseUrl: "https://meeting.test/?a" }, "baseUrl", "baseUrl must not hold credentials, query or fragment"],
    [{ baseUrl: "https://meeting.test/#a" }, "baseUrl", "baseUrl must not hold credentials, query or fragment"],
    [{ wsUrl: "ws://meeting.test" }, "wsUrl", "wsUrl must be wss: (ws: only to loopback, or with allowInsecureHttp)"],
    [{ wsUrl: "https://meeting.test?x=1" }, "wsUrl", "wsUrl must not hold credentials, query or fragment"],
  ])("%o: %s", (options, field, message) => {
    expect(thrown(() => checkClientOptions(options, NODE))).toEqual({ field, message });
  });

  it.each([
    ["http://localhost:4010/", "http://localhost:4010"],
    ["http://127.0.0.1:4010//", "http://127.0.0.1:4010"],
    ["http://127.255.0.9", "http://127.255.0.9"],
    ["http://[::1]:4010/m", "http://[::1]:4010/m"],
    ["https://meeting.test/a/b/", "https://meeting.test/a/b"],
  ])("baseUrl %s is %s", (baseUrl, expected) => {
    expect(checkClientOptions({ baseUrl }, NODE).baseUrl).toBe(expected);
  });

  it("http to another host only with allowInsecureHttp: true, which lets ws: through too", () => {
    const settings = checkClientOptions({ baseUrl: "http://meeting.test", allowInsecureHttp: true, wsUrl: "http://meeting.test/ws/" }, NODE);
    expect(settings.baseUrl).toBe("http://meeting.test");
    expect(settings.wsUrl).toBe("ws://meeting.test/ws");
    expect(settings.channelAddress("ws://other.test/x", "url")).toBe("ws://other.test/x");
  });

  it("the event channel's address: wss:, or https: read as wss:; ws: only to loopback", () => {
    const settings = checkClientOptions({ wsUrl: "https://meeting.test/" }, NODE);
    expect(settings.wsUrl).toBe("wss://meeting.test");
    expect(settings.channelAddress("wss://meeting.test/a?", "url")).toBe("wss://meeting.test/a");
    expect(settings.channelAddress("ws://127.0.0.1:9/x", "url")).toBe("ws://127.0.0.1:9/x");
    expect(thrown(() => settings.channelAddress("ws://meeting.test", "data.wsURL"))).toEqual({
      field: "data.wsURL",
      message: "data.wsURL must be wss: (ws: only to loopback, or with allowInsecureHttp)",
    });
    expect(thrown(() => settings.channelAddress("http://meeting.test", "url"))?.field).toBe("url");
  });

  it("keeps what it was given: fetch, dispatcher, logger, tokenStore, WebSocket", () => {
    const fetch = () => Promise.resolve(new Response());
    const logger = { debug() {} };
    class Socket {}
    expect(checkClientOptions({ fetch, logger, tokenStore: store, WebSocket: Socket }, NODE)).toMatchObject({ fetch, logger, tokenStore: store, WebSocket: Socket });
    expect(checkClientOptions({ dispatcher }, NODE).dispatcher).toBe(dispatcher);
  });

  it("the browser entry refuses what it has no platform for", () => {
    expect(thrown(() => checkClientOptions({ dispatcher }, BROWSER))).toEqual({ field: "dispatcher", message: "dispatcher is for Node only" });
    expect(thrown(() => checkClientOptions({ tokenStore: store }, BROWSER))).toEqual({
      field: "tokenStore",
      message: "tokenStore is for { hostPassword } handles, which the browser refuses",
    });
    expect(thrown(() => checkClientOptions({ tokenStore: { get() {} } }, BROWSER))?.message).toBe("tokenStore must have a set() method, got object");
  });
});

describe("checkCallOptions", () => {
  it("no options: undefined; options that change nothing: the client's policy itself", () => {
    expect(checkCallOptions(undefined, DEFAULTS)).toBeUndefined();
    expect(checkCallOptions({}, DEFAULTS)).toEqual({ signal: undefined, policy: DEFAULTS, headers: undefined });
    expect(checkCallOptions({}, DEFAULTS)?.policy).toBe(DEFAULTS);
    expect(checkCallOptions({ timeoutMs: 10_000, maxRetries: 2 }, DEFAULTS)?.policy).toBe(DEFAULTS);
  });

  it("a call's own policy over the client's", () => {
    expect(checkCallOptions({ timeoutMs: 50 }, DEFAULTS)?.policy).toEqual({ ...DEFAULTS, timeoutMs: 50 });
    expect(checkCallOptions({ maxRetries: 0 }, DEFAULTS)?.policy).toEqual({ ...DEFAULTS, maxRetries: 0 });
    expect(checkCallOptions({ maxResponseBytes: 10 }, DEFAULTS)?.policy).toEqual({ ...DEFAULTS, maxResponseBytes: 10 });
  });

  it("keeps the signal and the headers", () => {
    const signal = new AbortController().signal;
    const headers = { "X-Trace": "t" };
    expect(checkCallOptions({ signal, headers }, DEFAULTS)).toEqual({ signal, policy: DEFAULTS, headers });
  });

  it.each<[unknown, string, string]>([
    [{ signal: "abort" }, "options.signal", "options.signal must be an AbortSignal, got string"],
    [{ signal: {} }, "options.signal", "options.signal must be an AbortSignal, got object"],
    [{ timeoutMs: -5 }, "options.timeoutMs", "options.timeoutMs must be ms in (0, 2147483647], got -5"],
    [{ maxRetries: 11 }, "options.maxRetries", "options.maxRetries must be an integer in [0, 10], got 11"],
    [{ maxResponseBytes: 0 }, "options.maxResponseBytes", "options.maxResponseBytes must be an integer in [1, 536870912], got 0"],
    [{ headers: "x" }, "options.headers", "options.headers must be an object of header names to values, got string"],
    ["fast", "options", "options must be an object, got string"],
    [null, "options", "options must be an object, got null"],
    [{ signl: 1 }, "options.signl", "unknown option options.signl — did you mean options.signal?"],
  ])("%o: %s", (options, field, message) => {
    expect(thrown(() => checkCallOptions(options, DEFAULTS))).toEqual({ field, message });
  });
});

describe("callInit: a call's options bound to the transport", () => {
  /** A transport that records what it is called with. */
  function recording() {
    const calls: [Request, unknown, unknown][] = [];
    const transport = Object.assign(
      (request: Request, policy?: unknown, signal?: unknown) => {
        calls.push([request, policy, signal]);
        return Promise.resolve(new Response("{}"));
      },
      { defaults: DEFAULTS },
    );
    return { transport, calls };
  }

  it("nothing to bind: no options, or options that leave the client's policy, no signal and no headers", () => {
    const { transport } = recording();
    expect(callInit(transport as never, undefined)).toEqual({});
    expect(callInit(transport as never, {})).toEqual({});
    expect(callInit(transport as never, { timeoutMs: 10_000 })).toEqual({});
  });

  it("a call's policy: the fetch sends with it, and no signal", async () => {
    const { transport, calls } = recording();
    const init = callInit(transport as never, { timeoutMs: 50 });
    expect(init).toMatchObject({ signal: undefined, policy: { ...DEFAULTS, timeoutMs: 50 }, headers: undefined });
    const request = new Request("http://127.0.0.1:9/x");
    await init.fetch!(request);
    expect(calls).toEqual([[request, { ...DEFAULTS, timeoutMs: 50 }, undefined]]);
  });

  it("a signal alone: the client's policy, the call's signal", async () => {
    const { transport, calls } = recording();
    const signal = new AbortController().signal;
    const init = callInit(transport as never, { signal });
    expect(init).toMatchObject({ signal, policy: DEFAULTS, headers: undefined });
    await init.fetch!(new Request("http://127.0.0.1:9/x"));
    expect(calls[0]![1]).toBe(DEFAULTS);
    expect(calls[0]![2]).toBe(signal);
  });

  it("headers alone: set on each request the fetch sends, empty values too", async () => {
    const { transport, calls } = recording();
    const headers = { "X-Trace": "t1", "X-Empty": "" };
    const init = callInit(transport as never, { headers });
    expect(init).toMatchObject({ signal: undefined, policy: DEFAULTS, headers });
    await init.fetch!(new Request("http://127.0.0.1:9/x", { headers: { "X-Trace": "old", Accept: "application/json" } }));
    expect([...calls[0]![0].headers]).toEqual([
      ["accept", "application/json"],
      ["x-empty", ""],
      ["x-trace", "t1"],
    ]);
  });
});
