// Every option a caller passes, checked once: the client's (createMeetingClient, the same
// rules on every entry) and a call's (the last argument of every facade method). What leaves
// this module is checked and defaulted; nothing else reads a caller's raw options.
import { checkHeaders, checkKeys, fail, kind, MAX_TIMEOUT_MS, object, type Known } from "./call/input.js";
import type { WebSocketConstructor } from "./events/types.js";
import type { Logger } from "./log.js";
import type { TokenStore } from "./stores/token-store.js";
import type { Policy } from "./transport/retrying.js";
import type { Fetch } from "./transport/sender.js";

/** The vendor's hosts, one per region (the `servers` of openapi.yaml). */
export const regions = {
  "cn-north-4": "https://api.meeting.huaweicloud.com",
  "ap-southeast-1": "https://api-intl.meeting.huaweicloud.com",
} as const;

export type Region = keyof typeof regions;

/** An undici `Dispatcher`, as far as the client needs to know one. */
export interface Dispatcher {
  dispatch(...args: never[]): unknown;
}

export interface MeetingClientOptions {
  /** Where requests go. Default: the host of `region`. Must be `https:`, or `http:` on a loopback host (mocks, tests) or with `allowInsecureHttp`. */
  baseUrl?: string;
  /** The vendor's region. Default: `"cn-north-4"`. Ignored when `baseUrl` is given. */
  region?: Region;
  /**
   * Your own WHATWG `fetch`, called as `fetch(url, init)`; it wins over the built-in
   * transport. Default: on Node, undici's `request()` on a keep-alive pool; elsewhere the
   * global `fetch`, looked up at call time.
   */
  fetch?: Fetch;
  /**
   * An undici `Dispatcher` for the built-in Node transport, such as a `ProxyAgent` for a
   * corporate proxy. Default: undici's global dispatcher. Node only; not with `fetch`.
   */
  dispatcher?: Dispatcher;
  /** Allows `http:` to hosts other than loopback. Default: `false`. TLS verification is never turned off. */
  allowInsecureHttp?: boolean;
  /** Time allowed for each attempt, headers and body, in ms. Default: 10 000. */
  timeoutMs?: number;
  /**
   * Retries after a connection failure, a timeout, or a 408, 429, 500, 502, 503 or 504. Default: 2.
   * An operation whose repeat could act twice (`x-idempotent: false` in the spec: `hangUp`,
   * `inviteParticipant` …) is retried only when the server cannot have acted on it: a refused
   * connection, or a 429 or 503 with `Retry-After`. `meeting.api` follows the same rule.
   */
  maxRetries?: number;
  /**
   * The largest answer read, in bytes after decoding: a larger `Content-Length` is refused
   * before reading, a longer body cut where it passes the limit; either is a `MeetingError`,
   * not retried. Default: 8 MiB (8 388 608).
   */
  maxResponseBytes?: number;
  /** Receives one `debug` line per attempt, secret headers redacted. Default: none. */
  logger?: Logger;
  /**
   * Where the processes of a fleet share `{ hostPassword }` tokens, so that they obtain and
   * renew one token per conference between them: `redisTokenStore(redisClient)` from
   * `huaweicloud-meeting-control/redis`, or your own `TokenStore`. Default: none, one token
   * per conference per process. Not in the browser, which has no host password.
   */
  tokenStore?: TokenStore;
  /**
   * The WebSocket for the event channel (`conf.events()`, `conf.waitUntilSharing()`): a
   * constructor with the WHATWG shape, called as `new WebSocket(url)`. Default: on Node,
   * undici's `WebSocket` on the client's `dispatcher`; elsewhere the global `WebSocket`.
   */
  WebSocket?: WebSocketConstructor;
  /**
   * Where the event channel connects: `data.wsURL` of `createConfToken` (scheme, host and
   * port). Default: the `wsURL` of the last token answer, for `{ hostPassword }` handles;
   * required for the channel of `{ token }` handles, which see no token answer. Must be
   * `wss:`, or `ws:` on a loopback host or with `allowInsecureHttp`.
   */
  wsUrl?: string;
}

/** Per-call options of every facade method; each overrides the client's option of the same name. */
export interface CallOptions {
  /** Aborts the call at once: no further attempt, no backoff left waiting; rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Time allowed for each attempt, headers and body, in ms. */
  timeoutMs?: number;
  /** How many times a failed attempt is retried (never, for an operation that may act twice, once it may have reached the server). */
  maxRetries?: number;
  /** The largest answer read, in bytes (decoded); a larger one is a `MeetingError`, not retried. */
  maxResponseBytes?: number;
  /**
   * Extra request headers for this call (a tracing header, Prism's `Prefer: code=401`). The
   * secret headers (`X-Conference-Authorization`, `X-Password`, `X-Nonce`) cannot be set here.
   * Default: none.
   */
  headers?: Record<string, string>;
}

/** Every key of `MeetingClientOptions`: the one list that unknown keys are checked against. */
const CLIENT_KEYS: Known<MeetingClientOptions> = {
  baseUrl: 1,
  maxResponseBytes: 1,
  tokenStore: 1,
  region: 1,
  fetch: 1,
  dispatcher: 1,
  allowInsecureHttp: 1,
  timeoutMs: 1,
  maxRetries: 1,
  logger: 1,
  WebSocket: 1,
  wsUrl: 1,
};

/** Every key of `CallOptions`: the one list that unknown keys are checked against. */
const CALL_KEYS: Known<CallOptions> = { signal: 1, timeoutMs: 1, maxRetries: 1, maxResponseBytes: 1, headers: 1 };

/** Most retries accepted. */
const MAX_RETRIES = 10;
/** Largest `maxResponseBytes` accepted: 512 MiB, about the longest string V8 can make. */
const MAX_RESPONSE_BYTES = 2 ** 29;
/** The client's policy when its options set none. */
const DEFAULT_POLICY: Policy = { timeoutMs: 10_000, maxRetries: 2, maxResponseBytes: 8 * 1024 * 1024 };
const DEFAULT_REGION: Region = "cn-north-4";

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** What an entry's platform can do with the options that not every runtime has. */
export interface EntryAbilities {
  /** Takes an undici `dispatcher` (Node). */
  dispatcher: boolean;
  /** Holds host passwords, and so may share their tokens in a `tokenStore` (not the browser). */
  hostPassword: boolean;
}

/** The client's options, checked and defaulted: what the rest of the client reads. */
export interface ClientSettings {
  /** Without a trailing slash. */
  baseUrl: string;
  policy: Policy;
  fetch?: Fetch;
  /** Only on an entry that takes one, and never with `fetch`. */
  dispatcher?: Dispatcher;
  logger?: Logger;
  /** Only on an entry that holds host passwords. */
  tokenStore?: TokenStore;
  WebSocket?: WebSocketConstructor;
  /** Without a trailing slash. */
  wsUrl?: string;
  /** Checks an event channel address by the client's rule (`wss:`; `ws:` to loopback or with `allowInsecureHttp`). */
  channelAddress(value: unknown, field: string): string;
}

/** A call's options, checked: its signal, its policy (the client's when it sets none) and its extra headers. */
export interface CallSettings {
  signal?: AbortSignal;
  policy: Policy;
  headers?: Record<string, string>;
}

/**
 * Checks a client's options: every key known, every value of its type and range, the
 * platform-only ones refused where the entry has no such platform. Throws the
 * `MeetingInputError` naming the first option at fault.
 */
export function checkClientOptions(options: unknown, entry: EntryAbilities): ClientSettings {
  const given = object("options", options === undefined ? {} : options) as Record<string, unknown>;
  checkKeys("", given, CLIENT_KEYS);
  const { baseUrl, region, allowInsecureHttp, fetch, dispatcher, logger, tokenStore, WebSocket, wsUrl } = given;
  if (allowInsecureHttp !== undefined && typeof allowInsecureHttp !== "boolean") {
    fail("allowInsecureHttp", `must be a boolean, got ${kind(allowInsecureHttp)}`);
  }
  const insecure = allowInsecureHttp === true;
  if (region !== undefined && !(typeof region === "string" && Object.hasOwn(regions, region))) {
    fail("region", `must be one of ${Object.keys(regions).join(", ")}`);
  }
  if (fetch !== undefined && typeof fetch !== "function") fail("fetch", `must be a function, got ${kind(fetch)}`);
  if (dispatcher !== undefined) checkDispatcher(dispatcher, fetch, entry);
  if (logger !== undefined && typeof (logger as Partial<Logger> | null)?.debug !== "function") fail("logger", "must have a debug() method");
  if (tokenStore !== undefined) checkTokenStore(tokenStore, entry);
  if (WebSocket !== undefined && !(typeof WebSocket === "function" && WebSocket.prototype)) {
    fail("WebSocket", `must be a WebSocket constructor, got ${kind(WebSocket)}`);
  }
  return {
    baseUrl: baseUrl === undefined ? regions[(region as Region | undefined) ?? DEFAULT_REGION] : serviceUrl(baseUrl, "baseUrl", "http", insecure),
    policy: policy(given, DEFAULT_POLICY, ""),
    fetch: fetch as Fetch | undefined,
    dispatcher: dispatcher as Dispatcher | undefined,
    logger: logger as Logger | undefined,
    tokenStore: tokenStore as TokenStore | undefined,
    WebSocket: WebSocket as WebSocketConstructor | undefined,
    wsUrl: wsUrl === undefined ? undefined : serviceUrl(wsUrl, "wsUrl", "ws", insecure),
    channelAddress: (value, field) => serviceUrl(value, field, "ws", insecure),
  };
}

/**
 * Checks a call's options over the client's policy `defaults`; `undefined` when the call
 * passed none. Names each option as `options.<name>`.
 */
export function checkCallOptions(options: unknown, defaults: Policy): CallSettings | undefined {
  if (options === undefined) return undefined;
  const given = object("options", options) as Record<string, unknown>;
  checkKeys("options.", given, CALL_KEYS);
  const { signal, headers } = given;
  if (signal !== undefined && !(signal instanceof AbortSignal)) fail("options.signal", `must be an AbortSignal, got ${kind(signal)}`);
  return {
    signal: signal as AbortSignal | undefined,
    policy: policy(given, defaults, "options."),
    headers: headers === undefined ? undefined : checkHeaders("options.headers", headers),
  };
}

/** A dispatcher: for an entry on undici only, never beside a `fetch` (which would not use it), and shaped as one. */
function checkDispatcher(dispatcher: unknown, fetch: unknown, entry: EntryAbilities): void {
  if (!entry.dispatcher) fail("dispatcher", "is for Node only");
  if (fetch !== undefined) fail("dispatcher", "goes with the built-in Node transport, not with fetch");
  if (typeof (dispatcher as Partial<Dispatcher> | null)?.dispatch !== "function") fail("dispatcher", `must be an undici Dispatcher, got ${kind(dispatcher)}`);
}

/** A token store: shaped as a `TokenStore` on every entry, and refused where no host password is held. */
function checkTokenStore(store: unknown, entry: EntryAbilities): void {
  for (const name of ["get", "set", "setIfAbsent", "deleteIf"] as const) {
    if (typeof (store as Record<string, unknown> | null)?.[name] !== "function") fail("tokenStore", `must have a ${name}() method, got ${kind(store)}`);
  }
  if (!entry.hostPassword) fail("tokenStore", "is for { hostPassword } handles, which the browser refuses");
}

/** Checks `timeoutMs`, `maxRetries` and `maxResponseBytes` over `base`; the result is `base` itself when nothing changes. */
function policy(options: { timeoutMs?: unknown; maxRetries?: unknown; maxResponseBytes?: unknown }, base: Policy, prefix: string): Policy {
  const { timeoutMs = base.timeoutMs, maxRetries = base.maxRetries, maxResponseBytes = base.maxResponseBytes } = options;
  if (!(typeof timeoutMs === "number" && timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)) {
    fail(`${prefix}timeoutMs`, `must be ms in (0, ${MAX_TIMEOUT_MS}], got ${kind(timeoutMs)}`);
  }
  if (!(Number.isInteger(maxRetries) && (maxRetries as number) >= 0 && (maxRetries as number) <= MAX_RETRIES)) {
    fail(`${prefix}maxRetries`, `must be an integer in [0, ${MAX_RETRIES}], got ${kind(maxRetries)}`);
  }
  if (!(Number.isInteger(maxResponseBytes) && (maxResponseBytes as number) >= 1 && (maxResponseBytes as number) <= MAX_RESPONSE_BYTES)) {
    fail(`${prefix}maxResponseBytes`, `must be an integer in [1, ${MAX_RESPONSE_BYTES}], got ${kind(maxResponseBytes)}`);
  }
  if (timeoutMs === base.timeoutMs && maxRetries === base.maxRetries && maxResponseBytes === base.maxResponseBytes) return base;
  return { timeoutMs, maxRetries: maxRetries as number, maxResponseBytes: maxResponseBytes as number };
}

/**
 * An address the client connects to, without a trailing slash: the secure scheme (`https:`,
 * or `wss:` for the event channel, which takes http(s) addresses as their ws(s) counterparts),
 * or the plain one to a loopback host or with `allowInsecureHttp`; no credentials, query or
 * fragment.
 */
function serviceUrl(value: unknown, field: string, scheme: "http" | "ws", allowInsecure: boolean): string {
  let url: URL;
  try {
    url = new URL(value as string);
  } catch {
    return fail(field, "must be an absolute URL");
  }
  // Stryker disable next-line Regex: a scheme with "http" other than at its start ("x-http:") is refused either way, with the same message.
  const protocol = scheme === "ws" ? url.protocol.replace(/^http/, "ws") : url.protocol;
  const local = protocol === `${scheme}:` && (allowInsecure || LOOPBACK.test(url.hostname));
  if (protocol !== `${scheme}s:` && !local) fail(field, `must be ${scheme}s: (${scheme}: only to loopback, or with allowInsecureHttp)`);
  if (url.username || url.password || url.search || url.hash) fail(field, "must not hold credentials, query or fragment");
  return `${protocol}//${url.host}${url.pathname}`.replace(/\/+$/, "");
}
