// huaweicloud-meeting-control/redis: the token store on Redis, through a node-redis client the
// caller made (and connected, with TLS and an ACL user as their Redis needs). Only raw commands
// are sent, so node-redis 5 and 6 both fit and nothing of `redis` is imported here.
import type { TokenStore } from "./token-store.js";
import { fail, kind } from "../call/input.js";

export type { TokenStore } from "./token-store.js";

/** The part of a node-redis client (`createClient()` from the `redis` package) the store uses. */
export interface RedisCommander {
  sendCommand(args: string[]): Promise<unknown>;
}

export interface RedisTokenStoreOptions {
  /** Put before every key, to keep apart the fleets (or apps) sharing one Redis. Default: `"hwmc:"`. */
  prefix?: string;
}

// The value and what is left of its life, in one round trip.
const GET = `local v = redis.call('GET', KEYS[1])
if not v then return nil end
return {v, redis.call('PTTL', KEYS[1])}`;
const DELETE_IF = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * A `TokenStore` on Redis, for `createMeetingClient({ tokenStore })`: the processes that share
 * it obtain one meeting-control token per conference between them. Takes a connected
 * node-redis client (`redis` package, 5 or 6); give it an `error` listener, as node-redis asks.
 * Keys are `<prefix><conferenceID>:token` and `<prefix><conferenceID>:lock`; the commands
 * used are GET, SET, PTTL, DEL and EVAL.
 */
export function redisTokenStore(client: RedisCommander, options: RedisTokenStoreOptions = {}): TokenStore {
  if (typeof client?.sendCommand !== "function") fail("redisTokenStore(client)", `must be a node-redis client, got ${kind(client)}`);
  const prefix = options.prefix ?? "hwmc:";
  if (typeof prefix !== "string") fail("redisTokenStore.prefix", `must be a string, got ${kind(prefix)}`);
  const ms = (ttlMs: number) => String(Math.max(1, Math.ceil(ttlMs)));
  return {
    async get(key) {
      const reply = await client.sendCommand(["EVAL", GET, "1", prefix + key]);
      if (!Array.isArray(reply)) return undefined;
      const [value, ttlMs] = reply as [unknown, unknown];
      // -1: no expiry, which this client never sets; treat as gone rather than trust it forever.
      return typeof value === "string" && typeof ttlMs === "number" && ttlMs > 0 ? { value, ttlMs } : undefined;
    },
    async set(key, value, ttlMs) {
      await client.sendCommand(["SET", prefix + key, value, "PX", ms(ttlMs)]);
    },
    async setIfAbsent(key, value, ttlMs) {
      return (await client.sendCommand(["SET", prefix + key, value, "NX", "PX", ms(ttlMs)])) === "OK";
    },
    async deleteIf(key, value) {
      return (await client.sendCommand(["EVAL", DELETE_IF, "1", prefix + key, value])) === 1;
    },
  };
}
