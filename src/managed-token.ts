// The managed meeting-control token: obtained with the host password, cached, renewed ahead
// of expiry. Not part of the browser build, which never holds a host password.
import type { paths } from "./generated/schema.js";
import { apiError } from "./errors.js";
import { race } from "./race.js";
import { readJson } from "./send.js";
import { shared, type Api, type ManagedTokens, type TokenInfo, type TokenSource } from "./token.js";
import type { Tracing } from "./tracing.js";
import { checkSecret } from "./validate.js";

/** The vendor's documented lifetime, used only when an answer states neither expiry field. */
const DEFAULT_LIFETIME_MS = 30 * 60_000;
/** Renew this long before expiry (at most half the lifetime). */
const RENEW_AHEAD_MS = 5 * 60_000;
/** Stop sending a token this long before it expires (at most a tenth of the lifetime), so it does not expire in flight. */
const EXPIRY_SAFETY_MS = 10_000;
/** After a failed renewal, keep the still-valid token this long before trying again. */
const RENEW_RETRY_MS = 5_000;

/**
 * The managed token sources of one client. Handles on the same conference with the same host
 * password share one managed token, so that however many handles and calls there are, a
 * conference costs one token request at a time.
 */
export const managedTokens = (api: Api, trace?: Tracing["token"]): ReturnType<ManagedTokens> => {
  const sources = new Map<string, TokenSource>();
  return (conferenceID, hostPassword, nonce) => {
    const secrets = [checkSecret("auth.hostPassword", hostPassword)];
    if (nonce !== undefined) secrets.push(checkSecret("auth.nonce", nonce));
    let source = sources.get(conferenceID);
    if (source?.secrets.join("\n") !== secrets.join("\n")) sources.set(conferenceID, (source = managedToken(api, conferenceID, secrets, trace)));
    return source;
  };
};

interface Held {
  token: string;
  /** Our clock, epoch ms: renew from here on. */
  renewAt: number;
  /** Our clock, epoch ms: do not send the token from here on. */
  expiresAt: number;
}

/**
 * Obtains the token with the host password, caches it, and renews it before it expires.
 * One request at a time per conference: concurrent callers share it. `secrets` are the host
 * password, then the nonce if there is one.
 */
function managedToken(api: Api, conferenceID: string, secrets: string[], trace?: Tracing["token"]): TokenSource {
  const [password, nonce] = secrets;
  let held: Held | undefined;
  let renewBlockedUntil = 0;

  // Renews the held token while it is valid, else obtains a new one. A failed renewal keeps
  // the held token while it is valid, and is not tried again for a few seconds.
  const refresh = shared(async () => {
    const sentAt = Date.now();
    const current = held && sentAt < held.expiresAt ? held : undefined;
    const header: NonNullable<paths["/v1/mmc/control/conferences/token"]["get"]["parameters"]["header"]> = {
      "X-Password": password!,
      "X-Login-Type": 1,
    };
    if (current) header["X-Conference-Authorization"] = current.token;
    if (nonce) header["X-Nonce"] = nonce;
    const sent = current ? [current.token, ...secrets] : secrets;
    const request = async () => {
      const result = await api.GET("/v1/mmc/control/conferences/token", { params: { query: { conferenceID }, header }, parseAs: "text" });
      const body = readJson<TokenInfo>(result, sent);
      const data = body?.data;
      if (!data?.token || typeof data.token !== "string") throw apiError(result.response, body, sent, "the answer holds no data.token");
      held = lifetime(data, sentAt);
      return data.token;
    };
    try {
      return await (trace ? trace(conferenceID, current !== undefined, request) : request());
    } catch (error) {
      if (!current || held !== current || Date.now() >= current.expiresAt) throw error;
      renewBlockedUntil = Date.now() + RENEW_RETRY_MS;
      return current.token;
    }
  });

  return {
    secrets,
    get(options) {
      const now = Date.now();
      return held && (now < held.renewAt || (now < held.expiresAt && now < renewBlockedUntil))
        ? Promise.resolve(held.token)
        : (race(options?.signal, refresh()) as Promise<string>);
    },
    invalidate(token) {
      // Only the token that failed: a newer one, obtained meanwhile, stays.
      if (held?.token === token) held = undefined;
      return true;
    },
  };
}

/**
 * When the token expires, by the server's word: the lifetime in `confTokenExpireTime`
 * (seconds, immune to clock skew, counted from when the request was sent) or else the
 * epoch `expireTime`; the documented half hour only when the answer states neither.
 */
function lifetime(data: TokenInfo["data"], sentAt: number): Held {
  const { confTokenExpireTime: seconds, expireTime } = data;
  const expiry = positive(seconds) ? sentAt + seconds * 1000 : positive(expireTime) ? expireTime : sentAt + DEFAULT_LIFETIME_MS;
  const span = Math.max(0, expiry - sentAt);
  return {
    token: data.token,
    expiresAt: expiry - Math.min(EXPIRY_SAFETY_MS, span / 10),
    renewAt: expiry - Math.min(RENEW_AHEAD_MS, span / 2),
  };
}

function positive(value: unknown): value is number {
  return typeof value === "number" && value > 0 && value < Infinity;
}

