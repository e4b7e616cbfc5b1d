import createClient, { createQuerySerializer } from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { conference, type Conference } from "./conference.js";
import { object, policy } from "./send.js";
import { tokenSources, type Api, type ConferenceAuth, type ManagedTokens } from "./token.js";
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
  /** Retries after a connection failure, a timeout, or a 408, 429, 500, 502, 503 or 504. Default: 2. */
  maxRetries?: number;
  /**
   * The largest answer read, in bytes after decoding: a larger `Content-Length` is refused
   * before reading, a longer body cut where it passes the limit; either is a `MeetingError`,
   * not retried. Default: 8 MiB (8 388 608).
   */
  maxResponseBytes?: number;
  /** Receives one `debug` line per attempt, secret headers redacted. Default: none. */
  logger?: Logger;
}

/** Every key of `MeetingClientOptions`: the one list that unknown keys are checked against. */
const OPTIONS: Known<MeetingClientOptions> = {
  baseUrl: 1,
  maxResponseBytes: 1,
  region: 1,
  fetch: 1,
  dispatcher: 1,
  allowInsecureHttp: 1,
  timeoutMs: 1,
  maxRetries: 1,
  logger: 1,
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

/** What an entry brings: the default sender, and the host-password flow. */
export interface Platform {
  sender(dispatcher: unknown): Sender;
  managedTokens?: ManagedTokens;
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
  if (given !== undefined) {
    const url = parseUrl(given);
    const local = url.protocol === "http:" && (allowInsecureHttp || LOOPBACK.test(url.hostname));
    if (url.protocol !== "https:" && !local) fail("baseUrl", "must be https: (http: only to loopback, or with allowInsecureHttp)");
    if (url.username || url.password || url.search || url.hash) fail("baseUrl", "must not hold credentials, query or fragment");
    baseUrl = url.href.replace(/\/+$/, "");
  }
  const sender = fetch && dispatcher === undefined ? fetchSender(fetch) : platform.sender(fetch ? null : dispatcher);
  const transport = createTransport(sender, policy(options, { timeoutMs: 10_000, maxRetries: 2, maxResponseBytes: 8 * 1024 * 1024 }), logger);
  const api = createClient<paths>({
    baseUrl,
    fetch: (request: Request) => transport(request),
    // Every entry: the transport sends the parts as given, so no WHATWG Request need be built.
    Request: CallRequest as unknown as typeof Request,
    // openapi-fetch's own serialiser, made once: given options, it would make one per call.
    querySerializer: createQuerySerializer(),
  });
  const tokens = tokenSources(api, transport, platform.managedTokens);
  return {
    api,
    baseUrl,
    conference: (conferenceID, auth) => conference(api, transport, checkId("conferenceID", conferenceID), tokens(conferenceID, auth)),
  };
}

function parseUrl(value: unknown): URL {
  try {
    return new URL(value as string);
  } catch {
    return fail("baseUrl", "must be an absolute URL");
  }
}
