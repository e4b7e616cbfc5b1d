import type { Client } from "openapi-fetch";
import type { components, paths } from "./generated/schema.js";
import { apiError, MeetingInputError } from "./errors.js";
import { readJson } from "./send.js";
import { checkSecret, kind } from "./validate.js";

export type Api = Client<paths, "application/json">;
export type TokenInfo = components["schemas"]["TokenInfo"];

/** Supplies a meeting-control token; asked whenever one is needed. */
export type TokenProvider = (conferenceID: string) => string | Promise<string>;

/** How a conference handle authorizes its calls: exactly one of the two. */
export type ConferenceAuth =
  | {
      /** A meeting-control token, sent unchanged and never renewed; or a function asked for one whenever it is needed. */
      token: string | TokenProvider;
      hostPassword?: never;
    }
  | {
      /** The host password: the client obtains, caches and renews the meeting-control token itself. */
      hostPassword: string;
      /** A user's temporary nonce token, sent in `X-Nonce` with each token request. */
      nonce?: string;
      token?: never;
    };

/** Hands out the meeting-control token for one conference. */
export interface TokenSource {
  get(options?: { signal?: AbortSignal }): Promise<string>;
  /** The server refused `token`: forget it. True when asking again may give another token. */
  invalidate(token: string): boolean;
  /** Secrets besides the token that this source holds, to redact from any error. */
  readonly secrets: readonly string[];
}

/** The vendor's documented lifetime, used only when an answer states neither expiry field. */
const DEFAULT_LIFETIME_MS = 30 * 60_000;
/** Renew this long before expiry (at most half the lifetime). */
const RENEW_AHEAD_MS = 5 * 60_000;
/** Stop sending a token this long before it expires, so it does not expire in flight. */
const EXPIRY_SAFETY_MS = 10_000;
/** After a failed renewal, keep the still-valid token this long before trying again. */
const RENEW_RETRY_MS = 5_000;

/**
 * The token sources of one client. Handles on the same conference with the same host
 * password share one managed token, so that however many handles and calls there are, a
 * conference costs one token request at a time.
 */
export function tokenSources(api: Api): (conferenceID: string, auth: ConferenceAuth) => TokenSource {
  const managed = new Map<string, ManagedToken>();
  return (conferenceID, auth) => {
    const rule = "must be { token } or { hostPassword }, not both";
    if (typeof auth !== "object" || auth === null) throw new MeetingInputError("auth", rule);
    const hasToken = auth.token !== undefined;
    const hasPassword = auth.hostPassword !== undefined;
    if (hasToken === hasPassword) throw new MeetingInputError("auth", rule);
    if (hasPassword) {
      const password = checkSecret("auth.hostPassword", auth.hostPassword);
      const nonce = auth.nonce === undefined ? undefined : checkSecret("auth.nonce", auth.nonce);
      let source = managed.get(conferenceID);
      if (!source?.uses(password, nonce)) managed.set(conferenceID, (source = new ManagedToken(api, conferenceID, password, nonce)));
      return source;
    }
    if ("nonce" in auth && auth.nonce !== undefined) throw new MeetingInputError("auth.nonce", "goes with hostPassword only");
    if (typeof auth.token === "function") return new ProvidedToken(conferenceID, auth.token);
    const token = checkSecret("auth.token", auth.token);
    return { get: () => Promise.resolve(token), invalidate: () => false, secrets: [] };
  };
}

/** Asks the caller's function; concurrent asks share one answer. */
class ProvidedToken implements TokenSource {
  #pending: Promise<string> | undefined;
  readonly secrets = [];

  constructor(
    private readonly conferenceID: string,
    private readonly provide: TokenProvider,
  ) {}

  get(options?: { signal?: AbortSignal }): Promise<string> {
    this.#pending ??= (async () => {
      try {
        const token: unknown = await this.provide(this.conferenceID);
        if (typeof token !== "string") throw new MeetingInputError("auth.token()", `must return a string, got ${kind(token)}`);
        return checkSecret("auth.token()", token);
      } finally {
        this.#pending = undefined;
      }
    })();
    return abortable(this.#pending, options?.signal);
  }

  invalidate(): boolean {
    return true;
  }
}

interface Held {
  token: string;
  /** Our clock, epoch ms: renew from here on. */
  renewAt: number;
  /** Our clock, epoch ms: do not send the token from here on. */
  expiresAt: number;
}

/**
 * Obtains the token with the host password, caches it, and renews it before it expires.
 * One request at a time per conference: concurrent callers share it.
 */
class ManagedToken implements TokenSource {
  #held: Held | undefined;
  #pending: Promise<string> | undefined;
  #renewBlockedUntil = 0;
  readonly #api: Api;
  readonly #conferenceID: string;
  readonly #password: string;
  readonly #nonce: string | undefined;

  constructor(api: Api, conferenceID: string, password: string, nonce: string | undefined) {
    this.#api = api;
    this.#conferenceID = conferenceID;
    this.#password = password;
    this.#nonce = nonce;
  }

  get secrets(): readonly string[] {
    return this.#nonce === undefined ? [this.#password] : [this.#password, this.#nonce];
  }

  uses(password: string, nonce: string | undefined): boolean {
    return this.#password === password && this.#nonce === nonce;
  }

  get(options?: { signal?: AbortSignal }): Promise<string> {
    const held = this.#held;
    const now = Date.now();
    if (held && (now < held.renewAt || (now < held.expiresAt && now < this.#renewBlockedUntil))) {
      return Promise.resolve(held.token);
    }
    this.#pending ??= this.#refresh(held && now < held.expiresAt ? held : undefined).finally(() => {
      this.#pending = undefined;
    });
    return abortable(this.#pending, options?.signal);
  }

  invalidate(token: string): boolean {
    // Only the token that failed: a newer one, obtained meanwhile, stays.
    if (this.#held?.token === token) this.#held = undefined;
    return true;
  }

  /** Renews `current` when given, else obtains a new token. A failed renewal keeps `current` while it is valid. */
  async #refresh(current: Held | undefined): Promise<string> {
    try {
      this.#held = await this.#request(current?.token);
      return this.#held.token;
    } catch (error) {
      if (current && Date.now() < current.expiresAt && this.#held === current) {
        this.#renewBlockedUntil = Date.now() + RENEW_RETRY_MS;
        return current.token;
      }
      throw error;
    }
  }

  async #request(renewing: string | undefined): Promise<Held> {
    const sentAt = Date.now();
    const header: NonNullable<paths["/v1/mmc/control/conferences/token"]["get"]["parameters"]["header"]> = {
      "X-Password": this.#password,
      "X-Login-Type": 1,
    };
    if (renewing !== undefined) header["X-Conference-Authorization"] = renewing;
    if (this.#nonce !== undefined) header["X-Nonce"] = this.#nonce;
    const result = await this.#api.GET("/v1/mmc/control/conferences/token", {
      params: { query: { conferenceID: this.#conferenceID }, header },
      parseAs: "text",
    });
    const secrets = renewing === undefined ? this.secrets : [renewing, ...this.secrets];
    const body = readJson<TokenInfo>(result, secrets);
    const data = body?.data;
    if (typeof data?.token !== "string" || data.token === "") {
      throw apiError(result.response, body, "the answer holds no data.token", secrets);
    }
    return held(data, sentAt);
  }
}

/**
 * When the token expires, by the server's word: the lifetime in `confTokenExpireTime`
 * (seconds, immune to clock skew, counted from when the request was sent) or else the
 * epoch `expireTime`; the documented half hour only when the answer states neither.
 */
function held(data: TokenInfo["data"], sentAt: number): Held {
  const lifetime = positive(data.confTokenExpireTime) ? data.confTokenExpireTime * 1000 : undefined;
  const expiry = lifetime !== undefined ? sentAt + lifetime : positive(data.expireTime) ? data.expireTime : sentAt + DEFAULT_LIFETIME_MS;
  const span = Math.max(0, expiry - sentAt);
  return {
    token: data.token,
    expiresAt: expiry - Math.min(EXPIRY_SAFETY_MS, span / 10),
    renewAt: expiry - Math.min(RENEW_AHEAD_MS, span / 2),
  };
}

function positive(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value > 0;
}

/** `promise`, or a rejection with the signal's reason as soon as `signal` aborts; the shared work goes on for others. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
