// What a hostile or broken server can do, tried on every transport (undici, fetch, a caller's
// fetch): no redirect is followed, no answer is read past maxResponseBytes, encoded bodies are
// decoded within the same cap.
import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { Agent, interceptors } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMeetingClient as onUndici, MeetingApiError, MeetingError, type MeetingClientOptions } from "../../src/node.js";
import { createMeetingClient as onFetch } from "../../src/universal.js";
import { root } from "../../scripts/prism.js";
import { startFaultServer, type FaultServer } from "../support/servers/faults.js";

const MiB = 1024 * 1024;
const DEFAULT_CAP = 8 * MiB;

/** The transports of test/support/transports.ts, and a caller's own fetch on the Node entry. */
const transports = [
  ["undici", onUndici],
  ["fetch", onFetch],
  ["caller's fetch", (options?: MeetingClientOptions) => onUndici({ ...options, fetch: (url, init) => globalThis.fetch(url, init) })],
] as const;

let flood: ChildProcess;
let floodUrl: string;
beforeAll(async () => {
  flood = fork(join(root, "test/support/servers/flood.ts"), [], { execArgv: ["--import", "tsx"], stdio: "ignore" as never });
  const { port } = await new Promise<{ port: number }>((resolve) => flood.once("message", resolve as never));
  floodUrl = `http://127.0.0.1:${port}`;
});
afterAll(() => void flood.kill());

/** How many requests the flood server has had, per mode. */
const floodCounts = async (): Promise<Record<string, number>> => (await fetch(`${floodUrl}/stats`)).json() as never;

/**
 * Runs `call` while sampling this process's RSS every millisecond; returns the call's error
 * and the peak RSS growth over the baseline, in bytes. The kernel's own peak (maxRSS) must
 * agree: a spike between samples would show there.
 */
async function peakGrowth(call: () => Promise<unknown>): Promise<{ error: unknown; growth: number }> {
  globalThis.gc?.();
  const baseline = process.memoryUsage.rss();
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 1);
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  const maxAfter = process.resourceUsage().maxRSS * 1024;
  // A new all-time peak of this process is this call's peak.
  if (maxAfter > maxBefore) peak = Math.max(peak, maxAfter);
  return { error, growth: peak - baseline };
}

describe.each(transports)("on the %s transport", (_transport, createMeetingClient) => {
  const token = "EXAMPLE-secret-token-7f3a";
  const servers: FaultServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const serve = async (...script: Parameters<typeof startFaultServer>) => {
    const server = await startFaultServer(...script);
    servers.push(server);
    return server;
  };

  describe("redirects", () => {
    it.each([301, 302, 303, 307, 308])("a %i to another origin is a MeetingApiError naming it; the other origin receives nothing", async (status) => {
      const elsewhere = await serve([{ status: 200 }]);
      const server = await serve([{ status, headers: { location: `${elsewhere.url}/collect` } }]);
      const conf = createMeetingClient({ baseUrl: server.url }).conference("986947855", { token });
      const error = await conf.inviteToShare("p1").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MeetingApiError);
      expect(error).toMatchObject({ status, message: expect.stringContaining(`HTTP ${status}`) });
      expect((error as Error).message).toContain(`"${elsewhere.url}/collect"`);
      expect((error as Error).message).toContain("not followed");
      expect(server.requests).toHaveLength(1); // not retried
      expect(elsewhere.requests).toHaveLength(0);
    });

    it("the token request's redirect takes neither X-Password nor X-Nonce anywhere", async () => {
      const elsewhere = await serve([{ status: 200, body: '{"data":{"token":"EXAMPLE-stolen"}}' }]);
      const server = await serve([{ status: 307, headers: { location: `${elsewhere.url}/v1/mmc/control/conferences/token?conferenceID=1` } }]);
      const conf = createMeetingClient({ baseUrl: server.url }).conference("1", { hostPassword: "EXAMPLE-host-password-55d", nonce: "EXAMPLE-nonce-31b" });
      await expect(conf.realTimeInfo()).rejects.toMatchObject({ name: "MeetingApiError", status: 307 });
      expect(server.requests).toHaveLength(1);
      expect(elsewhere.requests).toHaveLength(0);
    });

    it("a secret echoed in Location is redacted from the error", async () => {
      const server = await serve([{ status: 302, headers: { location: `http://127.0.0.1:9/steal?t=${token}` } }]);
      const conf = createMeetingClient({ baseUrl: server.url }).conference("986947855", { token });
      const error = (await conf.inviteToShare("p1").catch((e: unknown) => e)) as MeetingApiError;
      expect(error.message).toContain("/steal?t=[redacted]");
      expect(JSON.stringify({ ...error, message: error.message, headers: [...error.headers] })).not.toContain(token);
    });

    it("the raw typed client does not follow either", async () => {
      const elsewhere = await serve([{ status: 200 }]);
      const server = await serve([{ status: 303, headers: { location: elsewhere.url } }]);
      const { api } = createMeetingClient({ baseUrl: server.url });
      await expect(
        api.GET("/v1/mmc/control/conferences/realTimeInfo", { params: { query: { conferenceID: "1" }, header: { "X-Conference-Authorization": token } } }),
      ).rejects.toMatchObject({ status: 303 });
      expect(elsewhere.requests).toHaveLength(0);
    });
  });

  describe("maxResponseBytes", () => {
    const conference = (path: string, options: MeetingClientOptions = {}) => createMeetingClient({ baseUrl: `${floodUrl}/${path}`, ...options }).conference("986947855", { token });

    it.each([
      ["a 512 MiB Content-Length", "length/200"],
      ["a 512 MiB Content-Length on a 400", "length/400"],
      ["an endless chunked 200", "endless/200"],
      ["an endless chunked 400", "endless/400"],
      ["a gzip bomb (128 MiB of spaces)", "bomb/200"],
    ])(
      "%s is a MeetingError naming the limit, not retried; memory stays within a few caps",
      async (_, path) => {
        const mode = path.split("/")[0]!;
        const before = (await floodCounts())[mode] ?? 0;
        const { error, growth } = await peakGrowth(() => conference(path).realTimeInfo());
        expect(error).toBeInstanceOf(MeetingError);
        expect(error).not.toBeInstanceOf(MeetingApiError);
        expect((error as Error).message).toContain(`maxResponseBytes (${DEFAULT_CAP} bytes)`);
        expect((await floodCounts())[mode]).toBe(before + 1);
        // Reading it all would take 128 to 512 MiB at the very least.
        expect(growth, `peak RSS growth ${(growth / MiB).toFixed(1)} MiB`).toBeLessThan(6 * DEFAULT_CAP);
      },
      30_000,
    );

    it("is a client option and a per-call option: the per-call one wins", async () => {
      const conf = conference("endless/200", { maxResponseBytes: 64 * 1024 });
      await expect(conf.realTimeInfo()).rejects.toThrow("maxResponseBytes (65536 bytes)");
      await expect(conf.realTimeInfo({ maxResponseBytes: 1000 })).rejects.toThrow("maxResponseBytes (1000 bytes)");
    });

    it("a body within the cap is read whole", async () => {
      const server = await serve([{ status: 200, body: JSON.stringify({ participants: [{ pid: "x".repeat(1000) }] }) }]);
      const conf = createMeetingClient({ baseUrl: server.url, maxResponseBytes: 1030 }).conference("986947855", { token });
      await expect(conf.realTimeInfo()).resolves.toEqual({ participants: [{ pid: "x".repeat(1000) }] });
      await expect(conf.realTimeInfo({ maxResponseBytes: 1000 })).rejects.toThrow("maxResponseBytes (1000 bytes)");
    });

    it.each([0, -1, 1.5, 2 ** 29 + 1, "8MiB"])("refuses %o, naming the option", (value) => {
      expect(() => createMeetingClient({ baseUrl: floodUrl, maxResponseBytes: value as number })).toThrow(
        expect.objectContaining({ name: "MeetingInputError", field: "maxResponseBytes" }),
      );
      const conf = createMeetingClient({ baseUrl: floodUrl }).conference("1", { token });
      return expect(conf.realTimeInfo({ maxResponseBytes: value as number })).rejects.toMatchObject({ name: "MeetingInputError", field: "options.maxResponseBytes" });
    });
  });

  describe("Content-Encoding nobody asked for", () => {
    it.each(["gzip", "deflate", "deflate-raw", "br"])("a %s body is decoded", async (coding) => {
      const conf = createMeetingClient({ baseUrl: `${floodUrl}/${coding}/200` }).conference("986947855", { token });
      await expect(conf.realTimeInfo()).resolves.toEqual({ participants: [{ pid: "p1", name: "Alice" }] });
    });

    it.each(["gzip", "br"])("a %s 400 keeps its MMC code", async (coding) => {
      const conf = createMeetingClient({ baseUrl: `${floodUrl}/${coding}/400` }).conference("986947855", { token });
      await expect(conf.realTimeInfo()).rejects.toMatchObject({ name: "BadRequestError", errorCode: "MMC.111070005" });
    });
  });
});

describe("a caller's undici dispatcher", () => {
  it("with a redirect interceptor, still follows no redirect", async () => {
    const elsewhere = await startFaultServer([{ status: 200 }]);
    const server = await startFaultServer([{ status: 302, headers: { location: `${elsewhere.url}/collect` } }]);
    try {
      const dispatcher = new Agent().compose(interceptors.redirect({ maxRedirections: 3 }));
      const conf = onUndici({ baseUrl: server.url, dispatcher }).conference("1", { token: "EXAMPLE-t" });
      await expect(conf.inviteToShare("p1")).rejects.toMatchObject({ name: "MeetingApiError", status: 302 });
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await Promise.all([server.close(), elsewhere.close()]);
    }
  });
});

describe("a caller's fetch", () => {
  it("is asked not to follow redirects", async () => {
    const inits: RequestInit[] = [];
    const conf = onUndici({
      baseUrl: "http://127.0.0.1:9",
      fetch: async (_url, init) => {
        inits.push(init);
        return new Response("{}");
      },
    }).conference("1", { token: "EXAMPLE-t" });
    await conf.inviteToShare("p1");
    expect(inits.map((init) => init.redirect)).toEqual(["manual"]);
  });

  it("handing back a browser's opaque redirect is a MeetingApiError, not retried", async () => {
    let calls = 0;
    const opaque = { type: "opaqueredirect", status: 0, ok: false, headers: new Headers(), url: "", body: null } as unknown as Response;
    const conf = onUndici({
      baseUrl: "http://127.0.0.1:9",
      fetch: async () => {
        calls++;
        return opaque;
      },
    }).conference("1", { token: "EXAMPLE-t" });
    await expect(conf.inviteToShare("p1")).rejects.toMatchObject({ name: "MeetingApiError", status: 0, message: expect.stringContaining("hidden by the browser") });
    expect(calls).toBe(1);
  });
});
