// The transports themselves: undici on Node (with a caller's dispatcher), a caller's fetch,
// what openapi-fetch builds and hands back, and what creating a client does not do.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Agent, type Dispatcher } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMeetingClient, MeetingInputError } from "../../src/node.js";
import { createMeetingClient as createBrowserClient } from "../../src/browser.js";
import { root } from "../../scripts/prism.js";
import { startRecorder, type Recorder } from "../support/servers/recorder.js";
import { transports } from "../support/transports.js";

const run = promisify(execFile);
let server: Recorder;
beforeAll(async () => {
  server = await startRecorder();
});
afterAll(() => server.close());

describe("the Node transport", () => {
  it("sends through a caller's undici dispatcher", async () => {
    let dispatched = 0;
    const agent = new Agent().compose((dispatch: Dispatcher["dispatch"]) => (options, handler) => {
      dispatched++;
      return dispatch(options, handler);
    });
    const conf = createMeetingClient({ baseUrl: server.url, dispatcher: agent }).conference("986947855", { token: "t" });
    await conf.inviteToShare("p1");
    await conf.realTimeInfo().catch(() => undefined);
    expect(dispatched).toBe(2);
  });

  it.each([
    [{ dispatcher: {} }, "dispatcher"],
    [{ dispatcher: new Agent(), fetch: globalThis.fetch }, "dispatcher"],
  ])("refuses %o naming dispatcher", (options, field) => {
    expect(() => createMeetingClient({ baseUrl: server.url, ...(options as object) })).toThrow(expect.objectContaining({ name: "MeetingInputError", field }));
  });

  it("is refused by the browser entry", () => {
    expect(() => createBrowserClient({ baseUrl: server.url, dispatcher: new Agent() })).toThrow(MeetingInputError);
  });

  it("hands the raw client a Response-like answer: status, statusText, ok, headers, url, text, json, clone", async () => {
    server.respond(() => ({ status: 201, headers: { "x-request-id": "req-9" }, body: '{"a":1}' }));
    const { api } = createMeetingClient({ baseUrl: server.url });
    const { response, data } = await api.GET("/v1/mmc/control/conferences/realTimeInfo", {
      params: { query: { conferenceID: "1" }, header: { "X-Conference-Authorization": "t" } },
    });
    server.respond(() => ({}));
    expect(data).toEqual({ a: 1 });
    expect(response).toMatchObject({ status: 201, statusText: "Created", ok: true, url: `${server.url}/v1/mmc/control/conferences/realTimeInfo?conferenceID=1` });
    expect(response.headers).toBeInstanceOf(Headers);
    expect(response.headers.get("X-Request-Id")).toBe("req-9");
    await expect(response.text()).rejects.toThrow("already been read");
  });
});

describe.each(transports)("on the %s transport", (_transport, create) => {
  it("a middleware may return a real Request, and it is what is sent", async () => {
    server.requests.length = 0;
    const meeting = create({ baseUrl: server.url });
    meeting.api.use({
      onRequest({ request }) {
        const headers = new Headers(request.headers);
        headers.set("X-Trace", "abc");
        return new Request(request.url, { method: request.method, headers, body: '{"share":1}' });
      },
    });
    await meeting.conference("986947855", { token: "t" }).inviteToShare("p1");
    expect(server.requests[0]).toMatchObject({ method: "PUT", body: '{"share":1}', headers: { "x-trace": "abc", "x-conference-authorization": "t" } });
  });

  it("a caller's fetch wins, called as fetch(url, init)", async () => {
    const seen: [string, RequestInit][] = [];
    const fetch = (url: string, init: RequestInit) => {
      seen.push([url, init]);
      return globalThis.fetch(url, init);
    };
    await create({ baseUrl: server.url, fetch }).conference("986947855", { token: "t" }).inviteToShare("p1");
    expect(seen).toHaveLength(1);
    expect(seen[0]![0]).toBe(`${server.url}/v1/mmc/control/conferences/participants/share/invite?conferenceID=986947855&participantID=p1`);
    expect(seen[0]![1]).toMatchObject({ method: "PUT", body: '{"share":1}' });
  });
});

describe("the first call on Node", () => {
  it("aborted while undici is still loading: rejects, and nothing is sent", async () => {
    server.requests.length = 0;
    const script = `
      const { createMeetingClient } = await import("./src/node.ts");
      const conf = createMeetingClient({ baseUrl: process.env.SERVER }).conference("986947855", { token: "t" });
      const controller = new AbortController();
      const call = conf.inviteToShare("p1", { signal: controller.signal });
      setTimeout(() => controller.abort(), 5); // the attempt has begun; undici takes ~100 ms to load
      const outcome = await call.then(() => "sent", (error) => error.name);
      await new Promise((resolve) => setTimeout(resolve, 500));
      console.log(outcome);`;
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, env: { ...process.env, SERVER: server.url } });
    expect(stdout.trim()).toBe("AbortError");
    expect(server.requests).toEqual([]);
  });
});

describe("creating a client", () => {
  it("neither loads undici nor touches globalThis.Request before the first call", async () => {
    const script = `
      let touched = 0;
      const request = globalThis.Request;
      Object.defineProperty(globalThis, "Request", { configurable: true, get() { touched++; return request; } });
      const { createMeetingClient } = await import("./src/node.ts");
      const { createRequire } = await import("node:module");
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes("/node_modules/undici/"));
      const meeting = createMeetingClient({ baseUrl: "http://127.0.0.1:9" });
      meeting.conference("986947855", { hostPassword: "p" });
      console.log(JSON.stringify({ touched, undici: loaded() }));`;
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root });
    expect(JSON.parse(stdout)).toEqual({ touched: 0, undici: false });
  });
});
