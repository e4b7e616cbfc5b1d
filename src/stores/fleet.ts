// Single flight across processes: the managed token asks here instead of the server, and this
// either finds a token another process stored, or takes the conference's lock and asks the
// server itself. The store is a help, never a dependency: whatever it does, the caller gets
// the answer it would have got without it.
import { checkSecret, kind } from "../call/input.js";
import type { Logger } from "../log.js";
import { redactDeep } from "../redact.js";
import type { TokenStore } from "./token-store.js";

/** A token as the managed token holds it: our clock, epoch ms. */
export interface Timed {
  token: string;
  /** Where the event channel connects (`data.wsURL` of the token answer), stored with the token so the fleet shares it. */
  wsUrl?: string;
  renewAt: number;
  expiresAt: number;
}

/** The fleet's part in one conference's managed token. */
export interface FleetToken {
  /** A token fit to use: one the fleet already has, else what `request` obtains (renewing `current`) under the fleet's lock. */
  obtain(current: Timed | undefined, request: (current: Timed | undefined) => Promise<Timed>): Promise<Timed>;
  /** The server refused `token`: take it out of the store, unless it has been replaced meanwhile. */
  invalidate(token: string): void;
}

/** Longest any one store operation may take before the store counts as unavailable. */
const STORE_TIMEOUT_MS = 1_000;
/** After the store failed, go without it this long before trying it again. */
const STORE_RETRY_MS = 10_000;
/** How long a lock holder's lease lasts; it extends it every half lease while its request is under way. */
const LEASE_MS = 5_000;
/** Longest wait for another process's token; then this process asks for its own. Long enough for one holder to die and the next to finish. */
const MAX_WAIT_MS = 3 * LEASE_MS;
const POLL_MIN_MS = 10;
const POLL_MAX_MS = 100;

const FAILED = Symbol("store failed");

/** The fleet of one client, on its (checked) token store. */
export function fleet(tokens: TokenStore, logger: Logger | undefined): (conferenceID: string) => FleetToken {
  let downUntil = 0;
  let failing = false;

  /** The operation's result, or FAILED when it throws or is slow: then the store rests a while; the first failure of a spell is logged. */
  const op = async <T>(work: () => Promise<T>, secrets: string[]): Promise<T | typeof FAILED> => {
    if (Date.now() < downUntil) return FAILED;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const result = await Promise.race([
        work(),
        new Promise<never>((_, reject) => {
          // A second turn of the event loop: after a busy spell the timer would otherwise win over an answer already received.
          const late = () => reject(new Error(`no answer within ${STORE_TIMEOUT_MS} ms`));
          timer = setTimeout(() => {
            timer = setTimeout(late, 0);
          }, STORE_TIMEOUT_MS);
        }),
      ]);
      failing = false;
      return result;
    } catch (error) {
      if (!failing) {
        const reason = redactDeep(error instanceof Error ? error.message : kind(error), secrets);
        logger?.debug(`meeting-control token store unavailable (${reason}); tokens are obtained per process, and the store is tried again every ${STORE_RETRY_MS} ms`);
      }
      failing = true;
      downUntil = Date.now() + STORE_RETRY_MS;
      return FAILED;
    } finally {
      clearTimeout(timer);
    }
  };

  return (conferenceID) => {
    const tokenKey = `${conferenceID}:token`;
    const lockKey = `${conferenceID}:lock`;
    // The stored value of the token this process last used, for compare-and-delete.
    let last: { token: string; value: string } | undefined;
    let refused: string | undefined;
    let deleting: Promise<unknown> | undefined;

    const read = async (): Promise<Timed | undefined | typeof FAILED> => {
      const stored = await op(() => tokens.get(tokenKey), last ? [last.token] : []);
      if (stored === FAILED || !stored) return stored;
      const found = decode(stored.value, stored.ttlMs);
      if (!found || found.token === refused) return undefined;
      last = { token: found.token, value: stored.value };
      return found;
    };

    // Keeps a slow request's lock: take it back only while still ours. Not atomic, so at worst
    // another process takes it in between, which is what happens without extending.
    const extend = async (owner: string) => {
      if ((await op(() => tokens.deleteIf(lockKey, owner), [])) === true) await op(() => tokens.setIfAbsent(lockKey, owner, LEASE_MS), []);
    };

    return {
      async obtain(current, request) {
        await deleting;
        const owner = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
        const deadline = Date.now() + MAX_WAIT_MS;
        let extending: ReturnType<typeof setInterval> | undefined;
        for (let pause = POLL_MIN_MS; ; pause = Math.min(pause * 2, POLL_MAX_MS)) {
          const found = await read();
          if (found === FAILED) return request(current);
          if (found && Date.now() < found.renewAt) return found;
          const locked = await op(() => tokens.setIfAbsent(lockKey, owner, LEASE_MS), []);
          if (locked === FAILED) return request(current);
          if (locked) {
            try {
              // Someone may have stored a token between our read and our lock.
              const again = await read();
              if (again !== FAILED && again && Date.now() < again.renewAt) return again;
              const valid = again !== FAILED && again && Date.now() < again.expiresAt ? again : undefined;
              extending = setInterval(() => void extend(owner), LEASE_MS / 2);
              const got = await request(current ?? valid);
              const value = encode(got);
              const ttlMs = got.expiresAt - Date.now();
              if (ttlMs > 0 && (await op(() => tokens.set(tokenKey, value, ttlMs), [got.token])) !== FAILED) last = { token: got.token, value };
              return got;
            } finally {
              clearInterval(extending);
              void op(() => tokens.deleteIf(lockKey, owner), []);
            }
          }
          if (Date.now() + pause >= deadline) return request(current);
          // Jitter keeps a fleet's polls from arriving together.
          await new Promise((resolve) => setTimeout(resolve, pause / 2 + Math.random() * pause));
        }
      },
      invalidate(token) {
        refused = token;
        if (last?.token !== token) return;
        const { value } = last;
        last = undefined;
        deleting = op(() => tokens.deleteIf(tokenKey, value), [token]);
      },
    };
  };
}

/**
 * What is stored: the token, and how long before its expiry it is due for renewal. The key
 * expires with the token. The address keeps the vendor's name, `wsURL`, as every version of
 * this client stores it: the processes of a fleet may run different versions.
 */
function encode({ token, renewAt, expiresAt, wsUrl }: Timed): string {
  return JSON.stringify({ token, renewAheadMs: Math.max(0, expiresAt - renewAt), wsURL: wsUrl });
}

function decode(value: string, ttlMs: number): Timed | undefined {
  try {
    const { token, renewAheadMs, wsURL } = JSON.parse(value) as { token?: unknown; renewAheadMs?: unknown; wsURL?: unknown };
    if (typeof renewAheadMs !== "number" || !(renewAheadMs >= 0)) return undefined;
    const expiresAt = Date.now() + ttlMs;
    // What another process stored goes into a header: it must fit one. The channel's address
    // is checked where it is used, as the token answer's is.
    const found: Timed = { token: checkSecret("stored token", token), expiresAt, renewAt: expiresAt - renewAheadMs };
    if (typeof wsURL === "string" && wsURL) found.wsUrl = wsURL;
    return found;
  } catch {
    return undefined;
  }
}
