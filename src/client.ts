import createClient, { createQuerySerializer } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { conference, type Conference } from "./conference.js";
import type { ChannelContext } from "./events/link.js";
import type { WebSocketConstructor } from "./events/types.js";
import { object, policy } from "./send.js";
import type { TokenStore } from "./stores/token-store.js";
import { tokenSources, type Api, type ConferenceAuth, type ManagedTokens } from "./token.js";
import type { Tracing } from "./tracing.js";
import { createTransport, fetchSender, type Fetch, type Logger, type Sender } from "./transport.js";
import { CallRequest } from "./transport/call-request.js";
import { checkId, checkKeys, fail, kind, type Known } from "./validate.js";

/** The vendor's hosts, one per region (the `servers` of openapi.yaml). */
export const regions = {
  "cn-north-4": "https://api.meeting.huaweicloud.com",
  "ap-southeast-1": "https://api-intl.meeting.huaweicloud.com",
} as const;

export type Region = keyof typeof regions;

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
  dispatcher?: { dispatch(...args: never[]): unknown };
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

/** Every key of `MeetingClientOptions`: the one list that unknown keys are checked against. */
const OPTIONS: Known<MeetingClientOptions> = {
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

/** The client. Conference handles come from `conference()`; `api` is the typed openapi-fetch client itself. */
export interface MeetingClient {
  /** A handle on one ongoing meeting, authorized by a token or the host password. */
  conference(conferenceID: string, auth: ConferenceAuth): Conference;
  /** The typed openapi-fetch client, for anything the facade does not wrap. */
  readonly api: Api;
  /** The base URL in use, without a trailing slash. */
  readonly baseUrl: string;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** What an entry brings: the default sender, the host-password flow, and tracing where the runtime has diagnostics_channel. */
export interface Platform {
  sender(dispatcher: unknown): Sender;
  managedTokens?: ManagedTokens;
  /** The default WebSocket, made for the client's dispatcher (Node: undici's). Default: the global `WebSocket`. */
  webSocket?(dispatcher: unknown): Promise<WebSocketConstructor>;
  tracing?: Tracing;
}

/** Makes a client for an entry's platform. */
export function makeClient(options: MeetingClientOptions = {}, platform: Platform): MeetingClient {
  const { baseUrl: given, region, allowInsecureHttp, fetch, dispatcher, logger } = object("options", options);
  checkKeys("", options, OPTIONS);
  if (allowInsecureHttp !== undefined && typeof allowInsecureHttp !== "boolean") {
    fail("allowInsecureHttp", `must be a boolean, got ${kind(allowInsecureHttp)}`);
  }
  if (region !== undefined && !Object.hasOwn(regions, region)) fail("region", `must be one of ${Object.keys(regions).join(", ")}`);
  if (fetch !== undefined && typeof fetch !== "function") fail("fetch", `must be a function, got ${kind(fetch)}`);
  if (logger !== undefined && typeof logger?.debug !== "function") fail("logger", "must have a debug() method");
  let baseUrl: string = regions[region ?? "cn-north-4"];
  if (given !== undefined) baseUrl = serviceUrl(given, "baseUrl", "http", allowInsecureHttp);
  const sender = fetch && dispatcher === undefined ? fetchSender(fetch) : platform.sender(fetch ? null : dispatcher);
  const transport = createTransport(sender, policy(options, { timeoutMs: 10_000, maxRetries: 2, maxResponseBytes: 8 * 1024 * 1024 }), logger, platform.tracing?.attempt);
  const api = createClient<paths>({
    baseUrl,
    fetch: (request: Request) => transport(request),
    // Every entry: the transport sends the parts as given, so no WHATWG Request need be built.
    Request: CallRequest as unknown as typeof Request,
    // openapi-fetch's own serialiser, made once: given options, it would make one per call.
    querySerializer: createQuerySerializer(),
    // Every body in the spec is JSON: serialised as such, without openapi-fetch's look at each
    // call's headers for a form type.
    bodySerializer: (body: unknown) => JSON.stringify(body),
  });
  const tokens = tokenSources(api, transport, platform.managedTokens);
  const channel = channelContext(options, platform, transport.defaults.timeoutMs);
  return {
    api,
    baseUrl,
    conference: (conferenceID, auth) => conference(api, transport, checkId("conferenceID", conferenceID), tokens(conferenceID, auth), channel, platform.tracing?.operation),
  };
}

/**
 * An address the client connects to, without a trailing slash: the secure scheme (`https:`,
 * or `wss:` for the event channel, which takes http(s) addresses as their ws(s) counterparts),
 * or the plain one to a loopback host or with `allowInsecureHttp`; no credentials, query or
 * fragment.
 */
function serviceUrl(value: unknown, field: string, scheme: "http" | "ws", allowInsecure: boolean | undefined): string {
  let url: URL;
  try {
    url = new URL(value as string);
  } catch {
    return fail(field, "must be an absolute URL");
  }
  const protocol = scheme === "ws" ? url.protocol.replace(/^http/, "ws") : url.protocol;
  const local = protocol === `${scheme}:` && (allowInsecure || LOOPBACK.test(url.hostname));
  if (protocol !== `${scheme}s:` && !local) fail(field, `must be ${scheme}s: (${scheme}: only to loopback, or with allowInsecureHttp)`);
  if (url.username || url.password || url.search || url.hash) fail(field, "must not hold credentials, query or fragment");
  return `${protocol}//${url.host}${url.pathname}`.replace(/\/+$/, "");
}

/** The event channel's settings: the `WebSocket` and `wsUrl` options, checked now, and the address rule. */
function channelContext(options: MeetingClientOptions, platform: Platform, timeoutMs: number): ChannelContext {
  const { WebSocket, wsUrl, allowInsecureHttp, dispatcher, logger } = options;
  if (WebSocket !== undefined && !(typeof WebSocket === "function" && WebSocket.prototype)) {
    fail("WebSocket", `must be a WebSocket constructor, got ${kind(WebSocket)}`);
  }
  // The base URL's rule, for WebSocket schemes: wss:, or ws: to loopback or with allowInsecureHttp.
  const checkBase = (value: unknown, field: string): string => serviceUrl(value, field, "ws", allowInsecureHttp);
  let opening: Promise<WebSocketConstructor> | undefined;
  const socket = async () => {
    const Socket =
      WebSocket ??
      (await (opening ??= platform.webSocket?.(dispatcher) ?? Promise.resolve(globalThis.WebSocket as unknown as WebSocketConstructor))) ??
      fail("WebSocket", "is not available in this runtime: pass createMeetingClient({ WebSocket })");
    return (url: string) => new Socket(url);
  };
  return { wsUrl: wsUrl === undefined ? undefined : checkBase(wsUrl, "wsUrl"), checkBase, socket, logger, timeoutMs };
}
