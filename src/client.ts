import createClient from "openapi-fetch";
import type { paths } from "./generated/schema.js";
import { MeetingInputError } from "./errors.js";
import { Conference } from "./conference.js";
import { policy } from "./send.js";
import { tokenSources, type Api, type ConferenceAuth } from "./token.js";
import { createTransport, type Logger, type Policy } from "./transport.js";
import { checkId, kind } from "./validate.js";

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
  /** The `fetch` to send requests with. Default: the global `fetch`, looked up at call time. */
  fetch?: (request: Request) => Promise<Response>;
  /** Allows `http:` to hosts other than loopback. Default: `false`. TLS verification is never turned off. */
  allowInsecureHttp?: boolean;
  /** Time allowed for each attempt, headers and body, in ms. Default: 10 000. */
  timeoutMs?: number;
  /** Retries after a connection failure, a timeout, or a 408, 429, 500, 502, 503 or 504. Default: 2. */
  maxRetries?: number;
  /** Receives one `debug` line per attempt, secret headers redacted. Default: none. */
  logger?: Logger;
}

/** The client. Conference handles come from `conference()`; `api` is the typed openapi-fetch client itself. */
export interface MeetingClient {
  /** A handle on one ongoing meeting, authorized by a token or the host password. */
  conference(conferenceID: string, auth: ConferenceAuth): Conference;
  /** The typed openapi-fetch client, for anything the facade does not wrap. */
  readonly api: Api;
  /** The base URL in use, without a trailing slash. */
  readonly baseUrl: string;
}

/** Creates a client. Options are checked here: a bad one throws `MeetingInputError` naming it. */
export function createMeetingClient(options: MeetingClientOptions = {}): MeetingClient {
  if (typeof options !== "object" || options === null) {
    throw new MeetingInputError("options", `must be an object, got ${kind(options)}`);
  }
  const baseUrl = resolveBaseUrl(options);
  const custom = options.fetch;
  if (custom !== undefined && typeof custom !== "function") {
    throw new MeetingInputError("fetch", `must be a function, got ${kind(custom)}`);
  }
  const { logger } = options;
  if (logger !== undefined && (typeof logger !== "object" || logger === null || typeof logger.debug !== "function")) {
    throw new MeetingInputError("logger", "must be an object with a debug() method, such as console");
  }
  const transport = createTransport(custom ?? ((request) => globalThis.fetch(request)), policy(options, DEFAULTS), logger);
  const api = createClient<paths>({ baseUrl, fetch: (request: Request) => transport(request) });
  const tokens = tokenSources(api);
  return {
    api,
    baseUrl,
    conference(conferenceID, auth) {
      checkId("conferenceID", conferenceID);
      return new Conference(api, transport, conferenceID, tokens(conferenceID, auth));
    },
  };
}

const DEFAULTS: Policy = { timeoutMs: 10_000, maxRetries: 2 };

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

function resolveBaseUrl({ baseUrl, region, allowInsecureHttp }: MeetingClientOptions): string {
  if (allowInsecureHttp !== undefined && typeof allowInsecureHttp !== "boolean") {
    throw new MeetingInputError("allowInsecureHttp", `must be a boolean, got ${kind(allowInsecureHttp)}`);
  }
  if (region !== undefined && !Object.hasOwn(regions, region)) {
    throw new MeetingInputError("region", `must be one of ${Object.keys(regions).join(", ")}`);
  }
  if (baseUrl === undefined) return regions[region ?? "cn-north-4"];
  if (typeof baseUrl !== "string") throw new MeetingInputError("baseUrl", `must be a string, got ${kind(baseUrl)}`);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new MeetingInputError("baseUrl", "must be an absolute http(s) URL");
  }
  if (url.protocol === "http:") {
    if (!LOOPBACK.test(url.hostname) && allowInsecureHttp !== true) {
      throw new MeetingInputError("baseUrl", "must use https: (http: only for loopback hosts, or with allowInsecureHttp: true)");
    }
  } else if (url.protocol !== "https:") {
    throw new MeetingInputError("baseUrl", "must use https:");
  }
  if (url.username || url.password) throw new MeetingInputError("baseUrl", "must not hold credentials");
  if (url.search || url.hash) throw new MeetingInputError("baseUrl", "must not hold a query or fragment");
  return url.href.replace(/\/+$/, "");
}
