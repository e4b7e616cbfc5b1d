/**
 * Where the processes of a fleet share their meeting-control tokens, so that a conference costs
 * one token request for the whole fleet rather than one per process. `redisTokenStore` (from
 * `huaweicloud-meeting-control/redis`) is one; any store with these four operations can be.
 *
 * The client names its keys `<conferenceID>:token` and `<conferenceID>:lock`; a store adds its
 * own prefix. Values are opaque strings: a stored token is a secret, so keep the store as
 * private as the host password (access control, TLS).
 *
 * Every operation is bounded by the client (one second): one that fails or is slow
 * makes the client carry on without the store, per process, and try it again later. A store
 * therefore never needs retries of its own.
 */
export interface TokenStore {
  /** The value under `key` and how many ms it has left to live; `undefined` when there is none. */
  get(key: string): Promise<{ value: string; ttlMs: number } | undefined>;
  /** Stores `value` under `key` for `ttlMs` ms, replacing whatever was there. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /**
   * Stores `value` under `key` for `ttlMs` ms only if `key` holds nothing — a lock with a lease,
   * as Redis's `SET key value NX PX ttlMs`. Resolves `true` when this call stored it.
   */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Deletes `key` only if it still holds `value` (compare-and-delete). Resolves `true` when it did. */
  deleteIf(key: string, value: string): Promise<boolean>;
}
