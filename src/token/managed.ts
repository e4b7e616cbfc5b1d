// The managed meeting-control token: obtained with the host password, cached, renewed ahead
// of expiry. Not part of the browser build, which never holds a host password.
import type { Api } from "../api.js";
import { apiError, readJson } from "../call/answer.js";
import { checkSecret, HEADER_RULE, isHeaderValue } from "../call/input.js";
import { MeetingTimeoutError } from "../errors.js";
import type { paths } from "../generated/schema.js";
import type { ClientSettings } from "../options.js";
import { race } from "../race.js";
import { backoffCeiling } from "../retry.js";
import { fleet as makeFleet, type FleetToken } from "../stores/fleet.js";
import type { Policy, Transport } from "../transport/retrying.js";
import type { ManagedTokens, TokenInfo, TokenSource } from "./source.js";

/** Runs one token request as a traced unit (`renewal` when a valid token is being renewed). */
export type TokenTracer = (conferenceID: string, renewal: boolean, request: () => Promise<string>) => Promise<string>;

const TOKEN_PATH = "/v1/mmc/control/conferences/token";
const CALL = `GET ${TOKEN_PATH}`;

/** The vendor's documented lifetime, used when an answer states no plausible expiry. */
const DEFAULT_LIFETIME_MS = 30 * 60_000;
/** A stated lifetime longer than this is implausible (a unit mistake): the default applies. */
const MAX_LIFETIME_MS = 24 * 60 * 60_000;
/** Most token sources one client keeps; the least recently used beyond this are dropped. */
const MAX_SOURCES = 1_000;
/** A source without a valid token is kept this long after it was last asked, then dropped. */
const IDLE_MS = 60_000;
/** Renew this long before expiry (at most half the lifetime). */
const RENEW_AHEAD_MS = 5 * 60_000;
/** Stop sending a token this long before it expires (at most a tenth of the lifetime), so it does not expire in flight. */
const EXPIRY_SAFETY_MS = 10_000;
/** After a failed renewal, keep the still-valid token this long before trying again. */
const RENEW_RETRY_MS = 5_000;

/**
 * The managed token sources of one client. Handles on the same conference with the same host
 * password share one managed token, so that however many handles and calls there are, a
 * conference costs one token request at a time. The map stays small: a source is dropped once
 * it holds no valid token, nothing is pending on it and it has not been asked for a minute,
 * and beyond `MAX_SOURCES` the least recently used go. A dropped source's handles keep it.
 * With a `tokenStore`, one request at a time for the whole fleet of processes sharing it.
 */
export function managedTokens(api: Api, transport: Transport, settings: Pick<ClientSettings, "tokenStore" | "logger">, trace?: TokenTracer): ReturnType<ManagedTokens> {
  const sources = new Map<string, Source>();
  const fleet = settings.tokenStore && makeFleet(settings.tokenStore, settings.logger);
  return (conferenceID, hostPassword, nonce) => {
    const secrets = [checkSecret("auth.hostPassword", hostPassword)];
    if (nonce !== undefined) secrets.push(checkSecret("auth.nonce", nonce));
    let source = sources.get(conferenceID);
    if (source?.secrets.join("\n") !== secrets.join("\n")) source = managedToken(api, transport, conferenceID, secrets, fleet?.(conferenceID), trace);
    // Most recently used last: eviction starts from the front.
    sources.delete(conferenceID);
    sources.set(conferenceID, source);
    const now = Date.now();
    for (const [id, oldest] of sources) {
      if (id === conferenceID || (sources.size <= MAX_SOURCES && !oldest.idle(now))) break;
      sources.delete(id);
    }
    return source;
  };
}

interface Source extends TokenSource {
  /** True when dropping the source loses nothing: no valid token, nothing pending, not asked lately. */
  idle(now: number): boolean;
}

/** One token request and the calls waiting for it; aborted when the last of them stops waiting. */
interface Flight {
  promise: Promise<string>;
  policy: Policy;
  controller: AbortController;
  waiters: number;
}

interface Held {
  token: string;
  /** Where the event channel connects: from the token answer, or from the fleet's store when another process obtained the token. */
  wsUrl?: string;
  /** Our clock, epoch ms: renew from here on. */
  renewAt: number;
  /** Our clock, epoch ms: do not send the token from here on. */
  expiresAt: number;
}

/**
 * Obtains the token with the host password, caches it, and renews it before it expires.
 * One request at a time per conference: concurrent callers share it. It is sent with the
 * policy of the call that needs it first; a call that joins it waits no longer than its own
 * policy allows, and once no call waits for it any more it is aborted. `secrets` are the host
 * password, then the nonce if there is one.
 */
function managedToken(api: Api, transport: Transport, conferenceID: string, secrets: string[], fleet?: FleetToken, trace?: TokenTracer): Source {
  // Stryker disable next-line StringLiteral: `secrets` always opens with the checked, non-empty host password; the default never applies.
  const [password = "", nonce] = secrets;
  let held: Held | undefined;
  let renewBlockedUntil = 0;
  let flight: Flight | undefined;
  let asked = Date.now();
  let wsUrl: string | undefined;

  // Renews the held token while it is valid, else obtains a new one. A failed renewal keeps
  // the held token while it is valid, and is not tried again for a few seconds. With a token
  // store, the fleet obtains or renews once for all its processes.
  const refresh = async (policy: Policy, signal: AbortSignal, headers?: Record<string, string>): Promise<string> => {
    const current = held && Date.now() < held.expiresAt ? held : undefined;
    const obtain = (renewing: Held | undefined) => request(renewing, policy, signal, headers);
    try {
      held = await (fleet ? fleet.obtain(current, obtain) : obtain(current));
      if (held.wsUrl) wsUrl = held.wsUrl;
      return held.token;
    } catch (error) {
      if (signal.aborted || !current || held !== current || Date.now() >= current.expiresAt) throw error;
      renewBlockedUntil = Date.now() + RENEW_RETRY_MS;
      return current.token;
    }
  };

  // One token request: a renewal of `current` when there is one.
  const request = async (current: Held | undefined, policy: Policy, signal: AbortSignal, headers?: Record<string, string>): Promise<Held> => {
    if (!trace) return send(current, policy, signal, headers);
    // Traced as one unit; the answer (the token) never becomes the context's result.
    const got: { held?: Held } = {};
    await trace(conferenceID, current !== undefined, async () => {
      got.held = await send(current, policy, signal, headers);
      return "";
    });
    return got.held as Held;
  };

  const send = async (current: Held | undefined, policy: Policy, signal: AbortSignal, headers?: Record<string, string>): Promise<Held> => {
    const sentAt = Date.now();
    const header: NonNullable<paths["/v1/mmc/control/conferences/token"]["get"]["parameters"]["header"]> = {
      "X-Password": password,
      "X-Login-Type": 1,
      // Without a nonce, undefined: openapi-fetch sends no header for it.
      "X-Nonce": nonce,
    };
    if (current) header["X-Conference-Authorization"] = current.token;
    const sent = current ? [current.token, ...secrets] : secrets;
    const result = await api.GET(TOKEN_PATH, {
      params: { query: { conferenceID }, header },
      parseAs: "text",
      headers,
      fetch: (request) => transport(request, policy, signal),
    });
    const body = await readJson<TokenInfo>(CALL, result, sent);
    const data = body?.data;
    if (!data?.token || typeof data.token !== "string") throw apiError(CALL, result.response, body, sent, "the answer holds no data.token");
    // Checked as a caller's token is: it goes into a header on every call.
    if (!isHeaderValue(data.token)) throw apiError(CALL, result.response, body, [data.token, ...sent], `the answer's data.token ${HEADER_RULE}`);
    return { ...lifetime(data, sentAt), wsUrl: typeof data.wsURL === "string" && data.wsURL ? data.wsURL : undefined };
  };

  const start = (policy: Policy, headers?: Record<string, string>): Flight => {
    const controller = new AbortController();
    const promise = refresh(policy, controller.signal, headers).finally(() => {
      if (flight === started) flight = undefined;
    });
    const started: Flight = { policy, controller, waiters: 0, promise };
    return started;
  };

  const leave = (left: Flight) => {
    if (--left.waiters > 0 || flight !== left) return;
    flight = undefined;
    left.controller.abort();
  };

  // The wait of a call that joined a request sent with another policy: what its own allows.
  const wait = async (joined: Flight, policy: Policy, signal: AbortSignal | undefined): Promise<string> => {
    const ms = worstCase(policy);
    const outcome = await race(
      signal,
      joined.promise.then((token) => ({ token })),
      ms,
    );
    if (outcome === "timeout") throw new MeetingTimeoutError(`GET /v1/mmc/control/conferences/token: no token within ${ms} ms (the call's timeoutMs and maxRetries)`, 0);
    return outcome.token;
  };

  return {
    secrets,
    get wsUrl() {
      return wsUrl;
    },
    get(options) {
      const now = Date.now();
      asked = now;
      if (held && (now < held.renewAt || (now < held.expiresAt && now < renewBlockedUntil))) return Promise.resolve(held.token);
      if (options?.signal?.aborted) return Promise.reject(options.signal.reason);
      const policy = options?.policy ?? transport.defaults;
      flight ??= start(policy, options?.headers);
      const joined = flight;
      joined.waiters++;
      const waiting = joined.policy === policy ? (race(options?.signal, joined.promise) as Promise<string>) : wait(joined, policy, options?.signal);
      return waiting.finally(() => leave(joined));
    },
    invalidate(token) {
      // Only the token that failed: a newer one, obtained meanwhile, stays.
      if (held?.token === token) held = undefined;
      fleet?.invalidate(token);
      return true;
    },
    idle: (now) => !flight && now >= Math.max(held?.expiresAt ?? 0, asked + IDLE_MS),
  };
}

/** The longest a call with `policy` can take: every attempt timing out, every backoff at its ceiling. */
function worstCase({ timeoutMs, maxRetries }: Policy): number {
  let ms = timeoutMs * (maxRetries + 1);
  for (let retry = 1; retry <= maxRetries; retry++) ms += backoffCeiling(retry);
  return ms;
}

/**
 * When the token expires, by the server's word: the lifetime in `confTokenExpireTime`
 * (seconds, immune to clock skew, counted from when the request was sent) or else the
 * epoch `expireTime` (ms); the documented half hour when the answer states neither, or only
 * an implausible expiry (in the past, more than a day ahead: epoch seconds, a unit mistake).
 */
function lifetime(data: TokenInfo["data"], sentAt: number): Held {
  const { confTokenExpireTime: seconds, expireTime } = data;
  const plausible = (expiry: unknown): expiry is number => typeof expiry === "number" && expiry > sentAt && expiry <= sentAt + MAX_LIFETIME_MS;
  const stated = typeof seconds === "number" ? sentAt + seconds * 1000 : undefined;
  const expiry = plausible(stated) ? stated : plausible(expireTime) ? expireTime : sentAt + DEFAULT_LIFETIME_MS;
  const span = expiry - sentAt;
  return {
    token: data.token,
    expiresAt: expiry - Math.min(EXPIRY_SAFETY_MS, span / 10),
    renewAt: expiry - Math.min(RENEW_AHEAD_MS, span / 2),
  };
}
