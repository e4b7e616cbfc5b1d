// Where a conference handle's token comes from: the caller's token or provider, or (on entries
// that hold host passwords) the managed token of token/managed.ts.
import type { Api } from "../api.js";
import { checkKeys, checkSecret, fail, kind, type Known } from "../call/input.js";
import type { CallInit } from "../call/options.js";
import type { components } from "../generated/schema.js";
import type { ClientSettings } from "../options.js";
import { race } from "../race.js";
import type { Transport } from "../transport/retrying.js";

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

/** Every key of `ConferenceAuth`: the one list that unknown keys are checked against. */
const AUTH_KEYS: Known<ConferenceAuth> = { token: 1, hostPassword: 1, nonce: 1 };

/** Hands out the meeting-control token for one conference. */
export interface TokenSource {
  /** The token; a call's `signal` and policy bound the wait, and any request made for it; its `headers` go on a token request that this ask starts. */
  get(options?: CallInit): Promise<string>;
  /** The server refused `token`: forget it. True when asking again may give another token. */
  invalidate(token: string): boolean;
  /** Secrets besides the token that this source holds, to redact from any error. */
  readonly secrets: readonly string[];
  /** The `data.wsURL` of the last token answer, where the source has one: the event channel's address. */
  readonly wsUrl?: string;
}

/**
 * Makes the token sources for `{ hostPassword }` handles of one client: with
 * `(conferenceID, hostPassword, nonce)`.
 */
export type ManagedTokens = (
  api: Api,
  transport: Transport,
  settings: Pick<ClientSettings, "tokenStore" | "logger">,
) => (conferenceID: string, hostPassword: unknown, nonce: unknown) => TokenSource;

/** The token sources of one client; `managed` is what `{ hostPassword }` needs, left out of the browser build. */
export function tokenSources(managed: ReturnType<ManagedTokens> | undefined): (conferenceID: string, auth: ConferenceAuth) => TokenSource {
  return (conferenceID, auth) => {
    if (!auth || typeof auth !== "object") fail("auth", `must be { token } or { hostPassword }, got ${kind(auth)}`);
    checkKeys("auth.", auth, AUTH_KEYS);
    const { token, hostPassword, nonce } = auth as { token?: unknown; hostPassword?: unknown; nonce?: unknown };
    if (token !== undefined && hostPassword !== undefined) fail("auth", "must be { token } or { hostPassword }, not both");
    // A key given as undefined (an unset environment variable) is named: its value is what is missing.
    if (token === undefined && !("token" in auth) && !("hostPassword" in auth)) fail("auth", "must hold token or hostPassword, got neither");
    if (hostPassword !== undefined || (token === undefined && "hostPassword" in auth)) {
      return managed
        ? managed(conferenceID, hostPassword, nonce)
        : fail("auth.hostPassword", "is refused in the browser: keep it on a server and pass { token: () => … } asking it");
    }
    if (nonce !== undefined) fail("auth.nonce", "goes with hostPassword only");
    if (typeof token === "function") return providedToken(conferenceID, token as TokenProvider);
    const fixed = checkSecret("auth.token", token);
    const ready = Promise.resolve(fixed);
    return { get: () => ready, invalidate: () => false, secrets: [] };
  };
}

/** Asks the caller's function; concurrent asks share one answer. */
function providedToken(conferenceID: string, provide: TokenProvider): TokenSource {
  const ask = shared(async () => {
    const token: unknown = await provide(conferenceID);
    if (typeof token !== "string") fail("auth.token()", `must return a string, got ${kind(token)}`);
    return checkSecret("auth.token()", token);
  });
  return { get: (options) => race(options?.signal, ask()) as Promise<string>, invalidate: () => true, secrets: [] };
}

/** `work`, run once for all who ask while it is under way; a failure is not remembered. */
function shared<T>(work: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= work().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}
