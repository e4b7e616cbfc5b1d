// The token phase of a call, against a hostile or broken token endpoint, on every transport:
// the call's own timeoutMs, maxRetries and signal bound it; a token request nobody waits for
// any more is aborted; an implausible expiry falls back to half an hour; the sources one client
// keeps are bounded.
import { fork } from "node:child_process";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createMeetingClient as onUndici, MeetingTimeoutError, type MeetingClientOptions } from "../../src/node.js";
import { createMeetingClient as onFetch } from "../../src/universal.js";
import { root } from "../../scripts/prism.js";
import { serveLoopback } from "../support/servers/loopback.js";

const transports = [
  ["undici", onUndici],
  ["fetch", onFetch],
  ["caller's fetch", (options?: MeetingClientOptions) => onUndici({ ...options, fetch: (url, init) => globalThis.fetch(url, init) })],
] as const;

const TOKEN_PATH = "/v1/mmc/control/conferences/token";

/** A loopback vendor whose token endpoint does what `token` says; control calls answer 200 `{}`. */
async function startServer(token: (res: ServerResponse) => void) {
  const requests: string[] = [];
  const loopback = await serveLoopback((req, res) => {
    req.resume();
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0]!;
      requests.push(path);
      if (path === TOKEN_PATH) return token(res);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  return {
    url: loopback.url,
    requests,
    tokenRequests: () => requests.filter((p) => p === TOKEN_PATH).length,
    close: loopback.close,
  };
}

const hang = () => {};
const issue = (data: Record<string, unknown>) => (res: ServerResponse) =>
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: { token: `EXAMPLE-token-${Math.random()}`, ...data } }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(transports)("on the %s transport", (_transport, createMeetingClient) => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    vi.useRealTimers();
    await Promise.all(closers.splice(0).map((close) => close()));
  });
  const serve = async (token: (res: ServerResponse) => void) => {
    const server = await startServer(token);
    closers.push(server.close);
    return server;
  };
  const hostPassword = "EXAMPLE-host-password-55d";

  describe("a hanging token endpoint", () => {
    it("a call's timeoutMs and maxRetries bound its token phase", async () => {
      const server = await serve(hang);
      const conf = createMeetingClient({ baseUrl: server.url }).conference("1", { hostPassword });
      const started = performance.now();
      await expect(conf.inviteToShare("p1", { timeoutMs: 300, maxRetries: 0 })).rejects.toBeInstanceOf(MeetingTimeoutError);
      expect(performance.now() - started).toBeLessThan(300 + 2000); // the defaults would take 30 s
      // One token request at most (a slow start can time the attempt out before it arrives), no control call.
      expect(server.requests.length).toBeLessThanOrEqual(1);
      expect(server.requests.every((path) => path === TOKEN_PATH)).toBe(true);
    });

    it("a call that joins a token request sent for another waits no longer than its own policy allows", async () => {
      const server = await serve(hang);
      const conf = createMeetingClient({ baseUrl: server.url }).conference("1", { hostPassword });
      const patient = new AbortController();
      const first = conf.realTimeInfo({ signal: patient.signal }).catch((e: unknown) => e);
      while (server.requests.length === 0) await sleep(5);
      const started = performance.now();
      await expect(conf.inviteToShare("p1", { timeoutMs: 300, maxRetries: 0 })).rejects.toBeInstanceOf(MeetingTimeoutError);
      expect(performance.now() - started).toBeLessThan(300 + 2000);
      patient.abort();
      await first;
      expect(server.requests).toEqual([TOKEN_PATH]);
    });

    it("once its last waiter aborts, the token request is aborted: no further attempt, no timer left", async () => {
      const server = await serve(hang);
      const conf = createMeetingClient({ baseUrl: server.url, timeoutMs: 200, maxRetries: 2 }).conference("1", { hostPassword });
      const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
      const before = timers();
      const controller = new AbortController();
      const call = conf.inviteToShare("p1", { signal: controller.signal });
      while (server.requests.length === 0) await sleep(5);
      controller.abort(new Error("caller gave up"));
      await expect(call).rejects.toThrow("caller gave up");
      expect(timers()).toBeLessThanOrEqual(before);
      // Left running, the request would time out at 200 ms and be retried within 700 ms, twice.
      await sleep(1500);
      expect(server.requests).toEqual([TOKEN_PATH]);
    });

    it("a process whose only call was aborted during its token request exits at once: no handle is left", async () => {
      const server = await serve(hang);
      // The client's defaults (10 s timeout, 2 retries): left running, the request would keep the process ~31 s.
      const child = fork(join(root, "test/support/servers/abandoned-token-call.ts"), [server.url, _transport], { execArgv: ["--import", "tsx"] });
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      try {
        while (server.requests.length === 0) await sleep(5);
        child.send("abort");
        await new Promise((resolve) => child.once("message", resolve));
        const aborted = performance.now();
        const code = await Promise.race([exited, sleep(3000).then(() => "still running")]);
        expect(code).toBe(0);
        expect(performance.now() - aborted).toBeLessThan(3000);
        expect(server.requests).toEqual([TOKEN_PATH]);
      } finally {
        child.kill();
      }
    });
  });

  describe("an implausible expiry", () => {
    const MINUTE = 60_000;
    it.each([
      ["an expireTime in the past", (now: number) => ({ expireTime: now - 1000 })],
      ["an expireTime in epoch seconds", (now: number) => ({ expireTime: Math.floor(now / 1000) + 1800 })],
      ["a confTokenExpireTime in ms", () => ({ confTokenExpireTime: 1_800_000 })],
    ])("%s falls back to half an hour: cached, then renewed", async (_, data) => {
      vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-25T09:00:00Z") });
      const server = await serve((res) => issue(data(Date.now()))(res));
      const conf = createMeetingClient({ baseUrl: server.url }).conference("1", { hostPassword });
      for (let i = 0; i < 5; i++) await conf.inviteToShare("p1");
      expect(server.tokenRequests()).toBe(1);
      vi.advanceTimersByTime(24 * MINUTE);
      await conf.inviteToShare("p1");
      expect(server.tokenRequests()).toBe(1);
      vi.advanceTimersByTime(2 * MINUTE); // 26 minutes: inside the renewal margin
      await conf.inviteToShare("p1");
      expect(server.tokenRequests()).toBe(2);
    });
  });

  describe("the managed token sources of one client", () => {
    // A heap measurement of 200,000 sources: too slow to repeat for each mutant under `npm run mutate`
    // (which sets MUTATE_TEST_FILES); npm test runs it.
    it.skipIf(process.env.MUTATE_TEST_FILES !== undefined)("200,000 conferences with a host password keep the heap small", async () => {
      setFlagsFromString("--expose-gc");
      const gc = runInNewContext("gc") as () => void;
      const meeting = createMeetingClient({ baseUrl: "http://127.0.0.1:9" });
      gc();
      const before = process.memoryUsage().heapUsed;
      for (let i = 0; i < 200_000; i++) meeting.conference(String(1_000_000 + i), { hostPassword: `EXAMPLE-password-${i}` });
      gc();
      const growth = process.memoryUsage().heapUsed - before;
      // Keeping every source took 115 to 146 MB.
      expect(growth, `heap growth ${growth} bytes`).toBeLessThan(10_000_000);
      // The client is still in use: what it holds was measured, not collected with it.
      expect(meeting.conference("1", { hostPassword }).conferenceID).toBe("1");
    });

    it("a source whose token has expired, and that nobody asks, is dropped", async () => {
      setFlagsFromString("--expose-gc");
      const gc = runInNewContext("gc") as () => void;
      vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-25T09:00:00Z") });
      const server = await serve(issue({ confTokenExpireTime: 1800 }));
      const meeting = createMeetingClient({ baseUrl: server.url });
      // Each source holds its host password: 8 KB each, 2.4 MB for 300, plain to see in the heap.
      const password = (i: number) => `EXAMPLE-${String(i).padStart(4, "0")}-${"p".repeat(8000)}`;
      for (let i = 0; i < 300; i += 50) {
        await Promise.all(Array.from({ length: 50 }, (_, j) => meeting.conference(String(1000 + i + j), { hostPassword: password(i + j) }).token()));
      }
      gc();
      const held = process.memoryUsage().heapUsed;
      vi.advanceTimersByTime(32 * 60_000); // every token expired, none asked for since
      meeting.conference("1", { hostPassword }); // a client drops what it can as it makes a source
      gc();
      const freed = held - process.memoryUsage().heapUsed;
      expect(freed, `freed ${freed} bytes`).toBeGreaterThan(1_500_000);
      // The client is still in use: what it dropped was measured, not collected with it.
      expect(meeting.baseUrl).toBe(server.url);
      expect(server.tokenRequests()).toBe(300);
    });

    it("a handle whose source was dropped still works, with one token request", async () => {
      const server = await serve(issue({ confTokenExpireTime: 1800 }));
      const meeting = createMeetingClient({ baseUrl: server.url });
      const conf = meeting.conference("1", { hostPassword });
      for (let i = 0; i < 2000; i++) meeting.conference(String(1000 + i), { hostPassword });
      await Promise.all([conf.inviteToShare("p1"), conf.realTimeInfo()]);
      expect(server.tokenRequests()).toBe(1);
    });
  });
});
