import { Agent } from "undici";
import { describe, expect, it } from "vitest";
import { createMeetingClient as onBrowser } from "../../src/browser.js";
import { createMeetingClient as onNode } from "../../src/node.js";
import { createMeetingClient as onUniversal } from "../../src/universal.js";

type Create = (options?: unknown) => unknown;
const entries: [string, Create][] = [
  ["node", onNode as Create],
  ["universal", onUniversal as Create],
  ["browser", onBrowser as Create],
];

const store = { get: async () => undefined, set: async () => {}, setIfAbsent: async () => true, deleteIf: async () => true };

/** Bad options and the one error every entry gives for them: its field and its whole message. */
const everywhere: [string, unknown, string, string][] = [
  ["not an object", 42, "options", "options must be an object, got 42"],
  ["null", null, "options", "options must be an object, got null"],
  ["a misspelt key", { baseURL: "https://x.test" }, "baseURL", "unknown option baseURL — did you mean baseUrl?"],
  ["an unknown key", { colour: "blue" }, "colour", "unknown option colour"],
  ["baseUrl not a URL", { baseUrl: "not a url" }, "baseUrl", "baseUrl must be an absolute URL"],
  ["baseUrl over http", { baseUrl: "http://meeting.test" }, "baseUrl", "baseUrl must be https: (http: only to loopback, or with allowInsecureHttp)"],
  ["an unknown region", { region: "eu-west-0" }, "region", "region must be one of cn-north-4, ap-southeast-1"],
  ["fetch not a function", { fetch: "fetch" }, "fetch", "fetch must be a function, got string"],
  ["allowInsecureHttp not a boolean", { allowInsecureHttp: "yes" }, "allowInsecureHttp", "allowInsecureHttp must be a boolean, got string"],
  ["timeoutMs 0", { timeoutMs: 0 }, "timeoutMs", "timeoutMs must be ms in (0, 2147483647], got 0"],
  ["maxRetries 11", { maxRetries: 11 }, "maxRetries", "maxRetries must be an integer in [0, 10], got 11"],
  ["maxResponseBytes 0", { maxResponseBytes: 0 }, "maxResponseBytes", "maxResponseBytes must be an integer in [1, 536870912], got 0"],
  ["a logger without debug()", { logger: {} }, "logger", "logger must have a debug() method"],
  ["tokenStore 42", { tokenStore: 42 }, "tokenStore", "tokenStore must have a get() method, got 42"],
  ["a tokenStore without deleteIf()", { tokenStore: { ...store, deleteIf: undefined } }, "tokenStore", "tokenStore must have a deleteIf() method, got object"],
  ["WebSocket not a constructor", { WebSocket: {} }, "WebSocket", "WebSocket must be a WebSocket constructor, got object"],
  ["wsUrl over ws: to another host", { wsUrl: "ws://meeting.test" }, "wsUrl", "wsUrl must be wss: (ws: only to loopback, or with allowInsecureHttp)"],
  ["wsUrl with a query", { wsUrl: "wss://meeting.test/?a=1" }, "wsUrl", "wsUrl must not hold credentials, query or fragment"],
];

describe.each(entries)("the %s entry checks its options as every entry does", (_entry, create) => {
  it.each(everywhere)("%s", (_case, options, field, message) => {
    expect(() => create(options)).toThrow(expect.objectContaining({ name: "MeetingInputError", field, message }));
  });

  it("refuses both fetch and dispatcher, naming dispatcher", () => {
    const node = create === (onNode as Create);
    const message = node ? "dispatcher goes with the built-in Node transport, not with fetch" : "dispatcher is for Node only";
    expect(() => create({ fetch: globalThis.fetch, dispatcher: new Agent() })).toThrow(expect.objectContaining({ name: "MeetingInputError", field: "dispatcher", message }));
  });
});

describe("where the entries differ by design, in one wording", () => {
  it("a dispatcher: Node takes an undici Dispatcher; the others refuse any", () => {
    expect(() => onNode({ dispatcher: new Agent() })).not.toThrow();
    expect(() => onNode({ dispatcher: {} as never })).toThrow(expect.objectContaining({ field: "dispatcher", message: "dispatcher must be an undici Dispatcher, got object" }));
    for (const create of [onUniversal, onBrowser]) {
      expect(() => create({ dispatcher: new Agent() })).toThrow(
        expect.objectContaining({ name: "MeetingInputError", field: "dispatcher", message: "dispatcher is for Node only" }),
      );
    }
  });

  it("a token store: the server entries take one; the browser, which holds no host password, refuses it", () => {
    expect(() => onNode({ tokenStore: store })).not.toThrow();
    expect(() => onUniversal({ tokenStore: store })).not.toThrow();
    expect(() => onBrowser({ tokenStore: store })).toThrow(
      expect.objectContaining({ name: "MeetingInputError", field: "tokenStore", message: "tokenStore is for { hostPassword } handles, which the browser refuses" }),
    );
  });

  it("a host password: the server entries take one; the browser refuses it", () => {
    const options = { baseUrl: "http://127.0.0.1:9" };
    expect(() => onNode(options).conference("1", { hostPassword: "p" })).not.toThrow();
    expect(() => onUniversal(options).conference("1", { hostPassword: "p" })).not.toThrow();
    expect(() => onBrowser(options).conference("1", { hostPassword: "p" })).toThrow(expect.objectContaining({ name: "MeetingInputError", field: "auth.hostPassword" }));
  });
});

describe.each(entries)("the %s entry checks a call's options as every entry does", (_entry, create) => {
  const calls: [string, unknown, string, string][] = [
    ["not an object", 42, "options", "options must be an object, got 42"],
    ["a misspelt key", { timeout: 5 }, "options.timeout", "unknown option options.timeout — did you mean options.timeoutMs?"],
    ["a signal that is not one", { signal: "stop" }, "options.signal", "options.signal must be an AbortSignal, got string"],
    ["maxRetries -1", { maxRetries: -1 }, "options.maxRetries", "options.maxRetries must be an integer in [0, 10], got -1"],
    ["a secret header", { headers: { "X-Password": "p" } }, "options.headers.X-Password", "options.headers.X-Password cannot be set per call: it comes from the conference's auth"],
  ];
  it.each(calls)("%s", async (_case, options, field, message) => {
    const conf = (create({ baseUrl: "http://127.0.0.1:9" }) as ReturnType<typeof onNode>).conference("1", { token: "t" });
    await expect(conf.realTimeInfo(options as never)).rejects.toMatchObject({ name: "MeetingInputError", field, message });
  });
});
