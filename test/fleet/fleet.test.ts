// A fleet: child processes, each a client sharing a real redis-server as its token store,
// against the token-counting loopback vendor. One token per conference for the whole fleet.
// The members run the built package: `npm run build` first (npm test does).
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { root } from "../../scripts/prism.js";
import { startRedis, type RedisServer } from "../support/servers/redis.js";
import { startVendor, type Vendor } from "../support/servers/vendor.js";

const worker = join(root, "test/support/servers/fleet-worker.mjs");
const conferenceID = "986947855";

type Event = { ready?: true; tokenRequest?: true; log?: string; done?: number; failed?: string[] };

class Member {
  readonly events: Event[] = [];
  private waiters: (() => void)[] = [];
  readonly exited: Promise<void>;

  constructor(readonly child: ChildProcess) {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      this.events.push(JSON.parse(line) as Event);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    // A member that dies wakes its waiters, so that a crash fails the test rather than hanging it.
    void this.exited.then(() => this.waiters.splice(0).forEach((wake) => wake()));
  }

  /** Resolves with the `count`th event that matches. */
  async next(match: (event: Event) => boolean, count = 1): Promise<Event> {
    for (;;) {
      const found = this.events.filter(match)[count - 1];
      if (found) return found;
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error("fleet member exited");
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Runs `calls` concurrent calls; resolves with this round's result. */
  async run(calls: number): Promise<Event> {
    const round = this.events.filter((event) => event.done !== undefined).length + 1;
    this.child.stdin!.write(`${JSON.stringify({ calls })}\n`);
    return this.next((event) => event.done !== undefined, round);
  }

  count(match: (event: Event) => boolean): number {
    return this.events.filter(match).length;
  }
}

let vendor: Vendor | undefined;
let redis: RedisServer | undefined;
let fleet: Member[] = [];

afterEach(async () => {
  for (const member of fleet) member.child.kill("SIGKILL");
  await Promise.all(fleet.map((member) => member.exited));
  fleet = [];
  await redis?.kill();
  await vendor?.close();
});

async function startFleet(size: number, options: { lifetimeSeconds?: number; tokenDelayMs?: number } = {}): Promise<Member[]> {
  vendor = await startVendor({ lifetimeSeconds: options.lifetimeSeconds });
  redis = await startRedis();
  const config = { baseUrl: vendor.url, redisUrl: redis.url, conferenceID, password: "host-pass", tokenDelayMs: options.tokenDelayMs };
  fleet = Array.from(
    { length: size },
    () =>
      new Member(
        spawn(process.execPath, [worker], {
          cwd: root,
          env: { ...process.env, FLEET_CONFIG: JSON.stringify(config) },
          stdio: ["pipe", "pipe", "inherit"],
        }),
      ),
  );
  await Promise.all(fleet.map((member) => member.next((event) => event.ready === true)));
  return fleet;
}

const tokenRequested = (event: Event) => event.tokenRequest === true;

// Generous: eight Node processes start on a machine that may be busy.
describe("a fleet sharing a Redis token store", { timeout: 120_000 }, () => {
  it("makes one token request for 8 processes × 250 concurrent calls on a cold conference", async () => {
    const members = await startFleet(8);
    const rounds = await Promise.all(members.map((member) => member.run(250)));
    expect(rounds).toEqual(members.map(() => ({ done: 250, failed: [] })));
    expect(vendor!.tokenRequests).toHaveLength(1);
    expect(vendor!.controlRequests).toHaveLength(8 * 250);
    expect(new Set(vendor!.controlRequests.map((request) => request.token)).size).toBe(1);
  });

  it("renews once for the whole fleet", async () => {
    // A 20 s token is due for renewal after 10 s (half its life) and stops being sent 2 s before
    // its end: the 8 s between leave room for a busy machine.
    const members = await startFleet(4, { lifetimeSeconds: 20 });
    await Promise.all(members.map((member) => member.run(20)));
    expect(vendor!.tokenRequests).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 10_300));
    const rounds = await Promise.all(members.map((member) => member.run(20)));
    expect(rounds).toEqual(members.map(() => ({ done: 20, failed: [] })));
    expect(vendor!.tokenRequests).toHaveLength(2);
    const first = vendor!.controlRequests[0]!.token;
    expect(vendor!.tokenRequests[1]!.renewing).toBe(first);
    const renewed = new Set(vendor!.controlRequests.slice(4 * 20).map((request) => request.token));
    expect(renewed.size).toBe(1);
    expect(renewed.has(first)).toBe(false);
  });

  it("goes on when the lock holder is killed mid-request: the others finish, with one more token request", async () => {
    const members = await startFleet(4, { tokenDelayMs: 1_000 });
    // The holder's round never ends: it rejects when the holder dies.
    const rounds = members.map((member) => member.run(50).catch((error: unknown) => error));
    const holder = await Promise.race(members.map((member) => member.next(tokenRequested).then(() => member)));
    holder.child.kill("SIGKILL");
    const others = members.filter((member) => member !== holder);
    expect(await Promise.all(rounds.filter((_, index) => members[index] !== holder))).toEqual(others.map(() => ({ done: 50, failed: [] })));
    // The holder died before its request reached the vendor; one other process took over once its lease ran out.
    expect(others.reduce((sum, member) => sum + member.count(tokenRequested), 0)).toBe(1);
    expect(vendor!.tokenRequests).toHaveLength(1);
  });

  it("keeps every call succeeding when Redis dies mid-run, and says so once per process", async () => {
    const members = await startFleet(4, { tokenDelayMs: 500 });
    const rounds = members.map((member) => member.run(50));
    await Promise.race(members.map((member) => member.next(tokenRequested)));
    await redis!.kill();
    expect(await Promise.all(rounds)).toEqual(members.map(() => ({ done: 50, failed: [] })));
    // Without the store each process obtains its own token (the 401 path included), no more.
    expect(vendor!.tokenRequests.length).toBeLessThanOrEqual(4);
    vendor!.revoke(vendor!.controlRequests[0]!.token!);
    expect(await Promise.all(members.map((member) => member.run(50)))).toEqual(members.map(() => ({ done: 50, failed: [] })));
    const logs = members.map((member) => member.count((event) => event.log !== undefined));
    expect(logs.every((count) => count <= 1)).toBe(true);
    expect(logs.some((count) => count === 1)).toBe(true);
    for (const member of members) for (const { log } of member.events.filter((event) => event.log)) expect(log).not.toMatch(/host-pass|tok-/);
  });

  it("gets one new token for the whole fleet after a 401", async () => {
    const members = await startFleet(4);
    await Promise.all(members.map((member) => member.run(10)));
    const [first] = vendor!.tokenRequests;
    expect(first).toBeDefined();
    vendor!.revoke(vendor!.controlRequests[0]!.token!);
    // One process meets the 401 first and replaces the token; the others then meet it with the old one.
    expect(await members[0]!.run(10)).toEqual({ done: 10, failed: [] });
    expect(vendor!.tokenRequests).toHaveLength(2);
    expect(await Promise.all(members.slice(1).map((member) => member.run(10)))).toEqual(members.slice(1).map(() => ({ done: 10, failed: [] })));
    expect(vendor!.tokenRequests).toHaveLength(2);
    // And all at once: every process holds the revoked token and meets its 401 together.
    vendor!.revoke(vendor!.controlRequests.at(-1)!.token!);
    expect(await Promise.all(members.map((member) => member.run(10)))).toEqual(members.map(() => ({ done: 10, failed: [] })));
    expect(vendor!.tokenRequests).toHaveLength(3);
  });
});
