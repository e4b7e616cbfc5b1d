// The token store on its own: redisTokenStore's four operations on a real redis-server, a
// store that fails or hangs (calls go on without it), the option's checks, and the bundles
// that must not carry Redis.
import { join } from "node:path";
import { build } from "esbuild";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../../scripts/prism.js";
import { createMeetingClient, MeetingInputError, type TokenStore } from "../../src/node.js";
import { redisTokenStore } from "../../src/stores/redis.js";
import { startRedis, type RedisServer } from "../support/servers/redis.js";
import { startVendor, type Vendor } from "../support/servers/vendor.js";

const conferenceID = "986947855";

describe("redisTokenStore on a real redis-server", () => {
  let server: RedisServer;
  let redis: ReturnType<typeof createClient>;

  beforeAll(async () => {
    server = await startRedis();
    redis = createClient({ url: server.url });
    redis.on("error", () => {});
    await redis.connect();
  });
  afterAll(async () => {
    redis.destroy();
    await server.kill();
  });

  it("stores under its prefix with an expiry, and reads back the value with what is left of it", async () => {
    const store = redisTokenStore(redis, { prefix: "app1:" });
    expect(await store.get("c1:token")).toBeUndefined();
    await store.set("c1:token", "value-1", 60_000);
    const found = await store.get("c1:token");
    expect(found?.value).toBe("value-1");
    expect(found!.ttlMs).toBeGreaterThan(55_000);
    expect(found!.ttlMs).toBeLessThanOrEqual(60_000);
    expect(await redis.get("app1:c1:token")).toBe("value-1");
    expect(await redis.pTTL("app1:c1:token")).toBeGreaterThan(55_000);
    // Another prefix is another fleet.
    expect(await redisTokenStore(redis, { prefix: "app2:" }).get("c1:token")).toBeUndefined();
    expect(await redisTokenStore(redis).get("c1:token")).toBeUndefined();
  });

  it("lets one holder take a lock, until its lease runs out", async () => {
    const store = redisTokenStore(redis);
    expect(await store.setIfAbsent("c2:lock", "owner-a", 200)).toBe(true);
    expect(await store.setIfAbsent("c2:lock", "owner-b", 200)).toBe(false);
    expect(await redis.get("hwmc:c2:lock")).toBe("owner-a");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await store.setIfAbsent("c2:lock", "owner-b", 200)).toBe(true);
  });

  it("deletes only the value it was told of (compare-and-delete)", async () => {
    const store = redisTokenStore(redis);
    await store.set("c3:token", "new", 60_000);
    expect(await store.deleteIf("c3:token", "old")).toBe(false);
    expect((await store.get("c3:token"))?.value).toBe("new");
    expect(await store.deleteIf("c3:token", "new")).toBe(true);
    expect(await store.get("c3:token")).toBeUndefined();
    expect(await store.deleteIf("c3:token", "new")).toBe(false);
  });

  it("keeps the lock of a holder whose token request outlasts the lease: no second request", async () => {
    // Two clients in one process share nothing but the store, as two processes would.
    const vendor = await startVendor();
    try {
      const store = redisTokenStore(redis, { prefix: "slow-holder:" });
      const slow = createMeetingClient({ baseUrl: vendor.url, tokenStore: store, timeoutMs: 30_000 });
      slow.api.use({ onRequest: () => new Promise((resolve) => setTimeout(() => resolve(undefined), 6_000)) });
      const other = createMeetingClient({ baseUrl: vendor.url, tokenStore: store });
      const first = slow.conference(conferenceID, { hostPassword: "host-pass" }).token();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const second = other.conference(conferenceID, { hostPassword: "host-pass" }).token();
      expect(await second).toBe(await first);
      expect(vendor.tokenRequests).toHaveLength(1);
    } finally {
      await vendor.close();
    }
  });

  it("stores the token and its expiry under the conference's key, and nothing of the host password", async () => {
    const vendor = await startVendor({ password: "fake-host-password" });
    try {
      const meeting = createMeetingClient({ baseUrl: vendor.url, tokenStore: redisTokenStore(redis, { prefix: "secrets-test:" }) });
      const token = await meeting.conference(conferenceID, { hostPassword: "fake-host-password" }).token();
      const keys = await redis.keys("secrets-test:*");
      expect(keys).toEqual([`secrets-test:${conferenceID}:token`]);
      const stored = (await redis.get(keys[0]!))!;
      expect(JSON.parse(stored)).toEqual({ token, renewAheadMs: expect.any(Number) });
      expect(await redis.pTTL(keys[0]!)).toBeGreaterThan(29 * 60_000);
      // Nothing in the whole database holds the password or anything made from it.
      for (const key of await redis.keys("*")) expect(`${key} ${await redis.get(key).catch(() => "")}`).not.toContain("fake-host-password");
    } finally {
      await vendor.close();
    }
  });
});

describe("a token store that fails", () => {
  let vendor: Vendor;
  beforeAll(async () => {
    vendor = await startVendor();
  });
  afterAll(() => vendor.close());

  const failing = (operation: () => Promise<never>): TokenStore => ({ get: operation, set: operation, setIfAbsent: operation, deleteIf: operation });

  it.each([
    ["throws", () => Promise.reject(new Error("connection refused"))],
    ["never answers", () => new Promise<never>(() => {})],
  ])("leaves calls succeeding when it %s, with one debug line", async (_, operation) => {
    const lines: string[] = [];
    const meeting = createMeetingClient({ baseUrl: vendor.url, tokenStore: failing(operation), logger: { debug: (line: string) => lines.push(line) } });
    const before = vendor.tokenRequests.length;
    const started = Date.now();
    const conference = meeting.conference(conferenceID, { hostPassword: "host-pass" });
    await expect(Promise.all(Array.from({ length: 20 }, () => conference.realTimeInfo()))).resolves.toHaveLength(20);
    expect(Date.now() - started).toBeLessThan(5_000); // one bounded store operation, not one per call
    // Per process, single flight still holds.
    expect(vendor.tokenRequests.length - before).toBe(1);
    vendor.revoke(vendor.controlRequests.at(-1)!.token!);
    await conference.realTimeInfo();
    const storeLines = lines.filter((line) => line.includes("token store"));
    expect(storeLines).toHaveLength(1);
    expect(storeLines[0]).toMatch(/token store unavailable/);
    expect(storeLines[0]).not.toMatch(/host-pass|tok-/);
  });

  it("ignores a stored value that is not a token it could send", async () => {
    const values = ['{"token":"bad\\r\\nX-Injected: 1","renewAheadMs":0}', "not json", '{"token":42,"renewAheadMs":0}'];
    for (const value of values) {
      const store: TokenStore = {
        get: async () => ({ value, ttlMs: 60_000 }),
        set: async () => {},
        setIfAbsent: async () => true,
        deleteIf: async () => true,
      };
      const meeting = createMeetingClient({ baseUrl: vendor.url, tokenStore: store });
      await expect(meeting.conference(conferenceID, { hostPassword: "host-pass" }).realTimeInfo()).resolves.toBeDefined();
      expect(vendor.controlRequests.at(-1)!.token).toMatch(/^tok-/);
    }
  });
});

describe("the tokenStore option", () => {
  it.each([null, "redis://localhost", {}, { get() {}, set() {}, setIfAbsent() {} }])("refuses %j, naming tokenStore", (store) => {
    expect(() => createMeetingClient({ tokenStore: store as never })).toThrow(MeetingInputError);
    expect(() => createMeetingClient({ tokenStore: store as never })).toThrow(/^tokenStore /);
  });

  it("refuses a redisTokenStore without a node-redis client, or with a prefix that is not a string", () => {
    expect(() => redisTokenStore({} as never)).toThrow(MeetingInputError);
    expect(() => redisTokenStore({ sendCommand: async () => null }, { prefix: 1 as never })).toThrow(/prefix/);
  });
});

describe("the entries' bundles", () => {
  const inputs = async (entry: string) => {
    const result = await build({
      entryPoints: [join(root, "src", entry)],
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform: "node",
      logLevel: "silent",
    });
    return Object.keys(result.metafile.inputs);
  };

  it.each(["node.ts", "universal.ts", "browser.ts"])("%s carries neither the redis package nor the Redis store", async (entry) => {
    const files = await inputs(entry);
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((file) => /node_modules\/(redis|@redis)\/|src\/stores\/redis\.ts/.test(file))).toEqual([]);
  });

  it("browser.ts carries nothing of the token stores", async () => {
    expect((await inputs("browser.ts")).filter((file) => file.includes("src/stores/"))).toEqual([]);
  });

  it("the /redis entry carries the store and not the redis package, an optional peer", async () => {
    const files = await inputs("stores/redis.ts");
    expect(files.some((file) => file.endsWith("src/stores/redis.ts"))).toBe(true);
    expect(files.filter((file) => /node_modules\//.test(file))).toEqual([]);
    const { readFile } = await import("node:fs/promises");
    const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
    expect(pkg.peerDependenciesMeta?.redis?.optional).toBe(true);
    expect(pkg.peerDependencies?.redis).toBeDefined();
    expect(pkg.dependencies?.redis).toBeUndefined();
    expect(pkg.exports["./redis"]).toEqual({ types: "./dist/stores/redis.d.ts", default: "./dist/stores/redis.js" });
  });
});
