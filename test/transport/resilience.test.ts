import { getEventListeners, setMaxListeners } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { InternalServerError, MeetingConnectionError, MeetingTimeoutError, type MeetingClientOptions } from "../../src/node.js";
import { startFaultServer, type FaultServer, type Step } from "../support/servers/faults.js";
import { transports } from "../support/transports.js";

describe.each(transports)("on the %s transport", (_transport, createMeetingClient) => {
  const invitePath = "/v1/mmc/control/conferences/participants/share/invite?conferenceID=986947855&participantID=p1";
  const servers: FaultServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  /** A client on a fresh fault server, with a logger whose lines the test reads. */
  async function rig(script: Step[], options: MeetingClientOptions = {}) {
    const server = await startFaultServer(script);
    servers.push(server);
    const lines: string[] = [];
    const meeting = createMeetingClient({
      baseUrl: server.url,
      logger: { debug: (line: string, meta: unknown) => lines.push(`${line} ${JSON.stringify(meta)}`) },
      ...options,
    });
    const conf = meeting.conference("986947855", { token: "EXAMPLE-secret-token-7f3a" });
    const delays = () =>
      lines.flatMap((l) => {
        const m = / retrying in (\d+) ms \((backoff|Retry-After)\)/.exec(l);
        return m ? [{ ms: Number(m[1]), why: m[2] }] : [];
      });
    /** Time between the arrivals of consecutive requests. */
    const gaps = () => server.requests.slice(1).map((r, i) => r.at - server.requests[i]!.at);
    return { server, meeting, conf, lines, delays, gaps };
  }

  const json = (status: number, body: unknown = {}, headers: Record<string, string> = {}): Step => ({
    status,
    headers,
    body: JSON.stringify(body),
  });

  const infoPath = "/v1/mmc/control/conferences/realTimeInfo?conferenceID=986947855";

  /** Every request the server saw is the same well-formed call: the invite PUT, or the realTimeInfo GET. */
  function expectWellFormed(server: FaultServer, call: "invite" | "info" = "invite") {
    expect(server.requests.length).toBeGreaterThan(0);
    for (const r of server.requests) {
      if (call === "invite") {
        expect(r).toMatchObject({ method: "PUT", target: invitePath, body: '{"share":1}' });
        expect(r.headers["content-type"]).toBe("application/json");
      } else {
        expect(r).toMatchObject({ method: "GET", target: infoPath, body: "" });
      }
      expect(r.headers["x-conference-authorization"]).toBe("EXAMPLE-secret-token-7f3a");
    }
  }

  /** Retry n waited between half and all of min(8 s, 0.5 s · 2^(n-1)). */
  function expectBackoff(delays: { ms: number; why: string | undefined }[], count: number) {
    expect(delays).toHaveLength(count);
    delays.forEach(({ ms, why }, i) => {
      const ceiling = Math.min(8000, 500 * 2 ** i);
      expect(why).toBe("backoff");
      expect(ms).toBeGreaterThanOrEqual(ceiling / 2);
      expect(ms).toBeLessThanOrEqual(ceiling);
    });
  }

  describe.concurrent("fault injection", () => {
    it("503 twice, then 200: three attempts with exponential, jittered backoff", async () => {
      const { server, conf, delays, gaps } = await rig([json(503), json(503), json(200)]);
      await expect(conf.inviteToShare("p1")).resolves.toBeUndefined();
      expect(server.requests).toHaveLength(3);
      expectBackoff(delays(), 2);
      const [first, second] = delays();
      const [gap1, gap2] = gaps();
      expect(gap1).toBeGreaterThanOrEqual(first!.ms - 5);
      expect(gap2).toBeGreaterThanOrEqual(second!.ms - 5);
      expectWellFormed(server);
    });

    it("429 with Retry-After: 1 waits exactly one second", async () => {
      const { server, conf, delays, gaps } = await rig([json(429, {}, { "Retry-After": "1" }), json(200)]);
      await conf.inviteToShare("p1");
      expect(delays()).toEqual([{ ms: 1000, why: "Retry-After" }]);
      expect(gaps()[0]).toBeGreaterThanOrEqual(995);
      expectWellFormed(server);
    });

    it("429 with an HTTP-date Retry-After waits until that date", async () => {
      // Dated as the server answers (whole seconds: 1 to 2 s after the answer), so that a slow
      // set-up on a busy machine cannot bring the date into the past before the client reads it.
      let date = "";
      const answer: Step = {
        status: 429,
        body: "{}",
        get headers() {
          date = new Date(Date.now() + 2000).toUTCString();
          return { "Retry-After": date };
        },
      };
      const { server, conf, delays, gaps } = await rig([answer, json(200)]);
      await conf.inviteToShare("p1");
      // The retry came once the date had passed, however long the set-up took on a busy machine.
      expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(date));
      const [delay] = delays();
      expect(delay!.why).toBe("Retry-After");
      expect(delay!.ms).toBeGreaterThan(500); // dated 1 to 2 s after the answer, read at once
      expect(delay!.ms).toBeLessThanOrEqual(2000);
      expect(gaps()[0]).toBeGreaterThanOrEqual(delay!.ms - 5);
      expectWellFormed(server);
    });

    it("a Retry-After beyond the cap falls back to backoff", async () => {
      const { conf, delays } = await rig([json(503, {}, { "Retry-After": "3600" }), json(200)]);
      await conf.inviteToShare("p1");
      expect(delays()[0]!.why).toBe("backoff");
      expect(delays()[0]!.ms).toBeLessThanOrEqual(500);
    });

    it("a connection reset mid-request is retried", async () => {
      const { server, conf, delays } = await rig(["reset", json(200)]);
      await expect(conf.inviteToShare("p1")).resolves.toBeUndefined();
      expect(server.requests).toHaveLength(2);
      expectBackoff(delays(), 1);
      expectWellFormed(server);
    });

    it("resets on every attempt end in MeetingConnectionError that counts the attempts", async () => {
      const { server, conf, delays } = await rig(["reset"], { maxRetries: 1 });
      const error = await conf.inviteToShare("p1").catch((e: unknown) => e);
      expectBackoff(delays(), 1);
      expectWellFormed(server);
      expect(error).toBeInstanceOf(MeetingConnectionError);
      expect(error).toMatchObject({ attempts: 2, message: expect.stringContaining("2 attempts") });
      expect((error as Error).cause).toBeInstanceOf(Error);
      expect(server.requests).toHaveLength(2);
    });

    it("a refused connection ends in MeetingConnectionError after the retries", async () => {
      const { server } = await rig([json(200)]);
      const url = server.url;
      await server.close();
      const conf = createMeetingClient({ baseUrl: url, maxRetries: 1 }).conference("986947855", { token: "t" });
      await expect(conf.inviteToShare("p1")).rejects.toMatchObject({ name: "MeetingConnectionError", attempts: 2, message: expect.stringContaining("ECONNREFUSED") });
    });

    it("a server that accepts and never answers ends in MeetingTimeoutError", async () => {
      const { server, conf, delays } = await rig(["hang"], { timeoutMs: 150, maxRetries: 1 });
      const started = performance.now();
      const error = await conf.inviteToShare("p1").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MeetingTimeoutError);
      expect(error).toMatchObject({ attempts: 2, message: expect.stringContaining("within 150 ms (2 attempts)") });
      expect(performance.now() - started).toBeLessThan(150 * 2 + 500 + 400);
      expect(server.requests).toHaveLength(2);
      expectBackoff(delays(), 1);
      expectWellFormed(server);
    });

    it("headers followed by a stalled body time out too, and the request is not sent again: its answer arrived", async () => {
      const { server, conf, delays } = await rig(["stall-body", json(200, { participants: [] })], { timeoutMs: 1_000, maxRetries: 1 });
      await expect(conf.realTimeInfo()).rejects.toMatchObject({
        name: "MeetingTimeoutError",
        attempts: 1,
        message: expect.stringContaining("the answer (status 200) arrived, but no complete answer within 1000 ms; not sent again (1 attempt)"),
      });
      expect(server.requests).toHaveLength(1);
      expect(delays()).toEqual([]);
      expectWellFormed(server, "info");
    });

    it("a body cut short by the connection closing ends the call with MeetingConnectionError saying so; the request is not sent again", async () => {
      const { server, conf, delays } = await rig(["cut-body", json(200, { participants: [] })]);
      await expect(conf.realTimeInfo()).rejects.toMatchObject({
        name: "MeetingConnectionError",
        attempts: 1,
        message: expect.stringContaining("the answer (status 200) arrived, but it was cut off or could not be read; not sent again"),
      });
      expect(server.requests).toHaveLength(1);
      expect(delays()).toEqual([]);
      expectWellFormed(server, "info");
    });

    it("a chunked 200 (no Content-Length) whose body breaks off mid-way: one PUT, and a MeetingConnectionError saying the answer was cut off", async () => {
      const { server, conf, delays } = await rig(["cut-chunked", json(200)]);
      const error = await conf.inviteToShare("p1").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MeetingConnectionError);
      expect(error).toMatchObject({ attempts: 1, message: expect.stringContaining("(status 200) arrived, but it was cut off or could not be read") });
      expect(server.requests).toHaveLength(1);
      expect(delays()).toEqual([]);
      expectWellFormed(server);
    });

    it("a 200 whose gzip body cannot be decoded: one PUT, and a MeetingConnectionError saying the answer could not be read", async () => {
      const { server, conf, delays } = await rig([{ status: 200, headers: { "content-encoding": "gzip" }, body: "not gzip at all" }, json(200)]);
      const error = await conf.inviteToShare("p1").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MeetingConnectionError);
      expect(error).toMatchObject({ attempts: 1, message: expect.stringContaining("(status 200) arrived, but it was cut off or could not be read") });
      expect(server.requests).toHaveLength(1);
      expect(delays()).toEqual([]);
    });

    it("a complete 200 whose JSON is truncated is an error, not retried", async () => {
      const { server, conf, delays } = await rig([{ status: 200, body: '{"participants":[{"pid":' }]);
      await expect(conf.realTimeInfo()).rejects.toMatchObject({ name: "MeetingApiError", status: 200, message: expect.stringContaining("not a JSON object") });
      expect(server.requests).toHaveLength(1);
      expect(delays()).toEqual([]);
      expectWellFormed(server, "info");
    });

    it("a 502 HTML page is retried, then surfaces as InternalServerError", async () => {
      const html: Step = { status: 502, headers: { "content-type": "text/html" }, body: "<html><h1>502 Bad Gateway</h1></html>" };
      const { server, conf, delays } = await rig([html], { maxRetries: 1 });
      await expect(conf.inviteToShare("p1")).rejects.toMatchObject({ name: "InternalServerError", status: 502, errorCode: "502" });
      expect(server.requests).toHaveLength(2);
      expectBackoff(delays(), 1);
      expectWellFormed(server);
    });

    it.each([
      ["an empty body", ""],
      ["{}", "{}"],
      ["a 39-byte body", '{"request_id":"f78b007ec2dabf14986201"}'],
    ])("a 200 with %s is success at the first attempt", async (_, body) => {
      expect(body === "" || body === "{}" || body.length === 39).toBe(true);
      const { server, conf, delays } = await rig([{ status: 200, headers: { "content-length": String(body.length) }, body }]);
      await expect(conf.inviteToShare("p1")).resolves.toBeUndefined();
      expect(server.requests).toHaveLength(1);
      expect(delays()).toEqual([]);
      expectWellFormed(server);
    });

    it.each([400, 401, 403, 404, 409])("a %i is not retried", async (status) => {
      const { server, conf } = await rig([json(status, { error_code: "MMC.111070005", error_msg: "x" })]);
      await expect(conf.inviteToShare("p1")).rejects.toMatchObject({ status });
      expect(server.requests).toHaveLength(1);
    });

    it.each([408, 429, 500, 502, 503, 504])("a %i is retried", async (status) => {
      const { server, conf } = await rig([json(status), json(200)]);
      await conf.inviteToShare("p1");
      expect(server.requests).toHaveLength(2);
    });

    it("the error after retries carries the last response's fields", async () => {
      const { conf } = await rig(
        [
          json(503, { error_code: "MMC.1", error_msg: "first" }, { "X-Request-Id": "req-1" }),
          json(500, { error_code: "MMC.11070003", error_msg: "CONF_EXCEPTION" }, { "X-Request-Id": "req-2" }),
        ],
        { maxRetries: 1 },
      );
      await expect(conf.inviteToShare("p1")).rejects.toMatchObject({
        name: "InternalServerError",
        status: 500,
        errorCode: "MMC.11070003",
        errorMsg: "CONF_EXCEPTION",
        requestId: "req-2",
      });
    });

    it("per-call maxRetries and timeoutMs override the client's", async () => {
      const { server, conf } = await rig([json(503), "hang"], { maxRetries: 2, timeoutMs: 10_000 });
      await expect(conf.inviteToShare("p1", { maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
      expect(server.requests).toHaveLength(1);
      await expect(conf.inviteToShare("p1", { maxRetries: 0, timeoutMs: 100 })).rejects.toBeInstanceOf(MeetingTimeoutError);
      expect(server.requests).toHaveLength(2);
    });

    it("the raw typed client retries too", async () => {
      const { server, meeting } = await rig([json(503), json(200)]);
      const { response } = await meeting.api.PUT("/v1/mmc/control/conferences/participants/share/invite", {
        params: { query: { conferenceID: "986947855", participantID: "p1" }, header: { "X-Conference-Authorization": "EXAMPLE-secret-token-7f3a" } },
        body: { share: 1 },
      });
      expect(response.status).toBe(200);
      expectWellFormed(server);
      expect(server.requests).toHaveLength(2);
    });

    it("the logger gets one line per attempt, with every secret header redacted", async () => {
      const { conf, lines } = await rig([json(503), json(200)]);
      await conf.inviteToShare("p1");
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^meeting-control PUT http:\/\/127\.0\.0\.1:\d+\/v1\/.+ attempt 1\/3 → 503 in \d+ ms; retrying in \d+ ms \(backoff\)/);
      expect(lines[1]).toMatch(/attempt 2\/3 → 200 in \d+ ms; done/);
      for (const line of lines) {
        expect(line).toContain('"x-conference-authorization":"[redacted]"');
        expect(line).not.toContain("secret-token");
      }
    });

    it("the token request's X-Password and renewal token are redacted in log lines", async () => {
      const server = await startFaultServer([json(200, { data: { token: "EXAMPLE-issued-token-91c" } }), json(200)]);
      servers.push(server);
      const lines: unknown[][] = [];
      const conf = createMeetingClient({ baseUrl: server.url, logger: { debug: (...args) => lines.push(args) } }).conference("1", {
        hostPassword: "EXAMPLE-host-password-55d",
      });
      await conf.inviteToShare("p1");
      const text = JSON.stringify(lines);
      expect(text).toContain('"x-password":"[redacted]"');
      expect(text).not.toContain("host-password-55d");
      expect(text).not.toContain("issued-token-91c");
    });
  });

  describe("cancellation", () => {
    it("an abort during the backoff sleep rejects at once, and no further attempt is made", async () => {
      const { server, conf } = await rig([json(503), json(200)]);
      const controller = new AbortController();
      const call = conf.inviteToShare("p1", { signal: controller.signal });
      while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 50)); // in the backoff sleep now (≥ 250 ms)
      const started = performance.now();
      controller.abort();
      await expect(call).rejects.toMatchObject({ name: "AbortError" });
      expect(performance.now() - started).toBeLessThan(50);
      await new Promise((r) => setTimeout(r, 600)); // longer than the backoff was
      expect(server.requests).toHaveLength(1);
    });

    it("an abort during an attempt rejects at once with the signal's reason", async () => {
      const { server, conf } = await rig(["hang"]);
      const controller = new AbortController();
      const call = conf.inviteToShare("p1", { signal: controller.signal });
      while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
      controller.abort(new Error("operator cancelled"));
      await expect(call).rejects.toThrow("operator cancelled");
      await new Promise((r) => setTimeout(r, 600));
      expect(server.requests).toHaveLength(1);
    });

    it("an already aborted signal sends nothing", async () => {
      const { server, conf } = await rig([json(200)]);
      await expect(conf.inviteToShare("p1", { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
      expect(server.requests).toHaveLength(0);
    });
  });

  describe("nothing is left behind", () => {
    it("calls one after another on one signal: no listener stays, and Node warns of none", async () => {
      const { conf } = await rig([json(200)], { logger: undefined });
      const controller = new AbortController();
      const warnings: Error[] = [];
      const onWarning = (warning: Error) => warnings.push(warning);
      process.on("warning", onWarning);
      try {
        for (let i = 0; i < 30; i++) {
          await conf.inviteToShare("p1", { signal: controller.signal });
          expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
        }
        await new Promise((r) => setTimeout(r, 20)); // warnings are emitted on a later tick
      } finally {
        process.off("warning", onWarning);
      }
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    });

    it("calls in flight on one signal hold one listener each, and abort together", async () => {
      const { server, conf } = await rig(["hang"], { logger: undefined });
      const controller = new AbortController();
      const calls = Array.from({ length: 5 }, () => conf.inviteToShare("p1", { signal: controller.signal, maxRetries: 0 }));
      while (server.requests.length < 5) await new Promise((r) => setTimeout(r, 5));
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(5);
      controller.abort(new Error("operator cancelled"));
      for (const call of calls) await expect(call).rejects.toThrow("operator cancelled");
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    });

    // A heap measurement of 15,000 calls: half a minute for each mutant under `npm run mutate`, which
    // sets MUTATE_TEST_FILES; npm test runs it.
    it.skipIf(process.env.MUTATE_TEST_FILES !== undefined)(
      "after many calls: no abort listeners, no timers, no heap growth",
      async () => {
        setFlagsFromString("--expose-gc");
        const gc = runInNewContext("gc") as () => void;
        const { server, conf } = await rig([json(200)], { logger: undefined });
        const controller = new AbortController();
        // 50 calls in flight at once share this signal, each with its listener until it settles:
        // past Node's default of 10 that is its MaxListenersExceededWarning, not a leak.
        setMaxListeners(50, controller.signal);
        const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
        const round = async (n: number) => {
          for (let i = 0; i < n; i += 50) {
            await Promise.all(Array.from({ length: 50 }, () => conf.inviteToShare("p1", { signal: controller.signal })));
            server.requests.length = 0; // the test server's own record is not the client's memory
          }
        };
        const settle = async () => {
          gc();
          await new Promise((r) => setTimeout(r, 20));
          gc();
          return process.memoryUsage().heapUsed;
        };
        await round(2000); // warm up: JIT, connection pool
        const timersBefore = timers();
        const afterWarmUp = await settle();
        await round(5000);
        const after5k = await settle();
        await round(10_000);
        const after15k = await settle();
        expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
        expect(timers()).toBeLessThanOrEqual(timersBefore);
        // A leak of even 200 bytes a call would add 2 MB over the last 10,000 calls.
        expect(after15k - after5k, `heap: ${afterWarmUp} → ${after5k} → ${after15k}`).toBeLessThan(2_000_000);
      },
      60_000,
    );
  });

  describe("backoff", () => {
    it("stays within its jitter bounds and its cap at every retry", async () => {
      const { backoffDelay } = await import("../../src/retry.js");
      for (let retry = 1; retry <= 10; retry++) {
        const ceiling = Math.min(8000, 500 * 2 ** (retry - 1));
        expect(backoffDelay(retry, () => 0)).toBe(ceiling / 2);
        expect(backoffDelay(retry, () => 0.999999)).toBe(ceiling);
      }
    });

    it("reads Retry-After as seconds or an HTTP date, and ignores what is malformed or too long", async () => {
      const { retryAfterDelay } = await import("../../src/retry.js");
      const now = Date.parse("2026-11-25T09:00:00Z");
      expect(retryAfterDelay("0", now)).toBe(0);
      expect(retryAfterDelay(" 7 ", now)).toBe(7000);
      expect(retryAfterDelay("60", now)).toBe(60_000);
      expect(retryAfterDelay("61", now)).toBeUndefined();
      expect(retryAfterDelay("Wed, 25 Nov 2026 09:00:30 GMT", now)).toBe(30_000);
      expect(retryAfterDelay("Wed, 25 Nov 2026 08:00:00 GMT", now)).toBe(0);
      expect(retryAfterDelay("-1", now)).toBeUndefined();
      expect(retryAfterDelay("1.5", now)).toBeUndefined();
      expect(retryAfterDelay("soon", now)).toBeUndefined();
      expect(retryAfterDelay(null, now)).toBeUndefined();
    });
  });
});
