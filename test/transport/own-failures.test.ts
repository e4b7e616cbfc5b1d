// Failures of the client's own code: never a reason to send again, never a raw TypeError. The
// seams are module mocks of the client's own modules, switched on per test: the code that
// makes the answer object throws (a bug in handling an answer that arrived), and the event
// channel's module cannot be loaded (a page whose server is gone).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createMeetingClient, MeetingConnectionError } from "../../src/browser.js";
import { startRecorder, type Recorder } from "../support/servers/recorder.js";
import { transports } from "../support/transports.js";

const broken = vi.hoisted(() => ({ answer: false, channel: false }));

vi.mock("../../src/transport/call-response.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/transport/call-response.js")>();
  class CallResponse extends real.CallResponse {
    constructor(...args: ConstructorParameters<typeof real.CallResponse>) {
      if (broken.answer) throw new TypeError("a bug in handling the answer");
      super(...args);
    }
  }
  return { ...real, CallResponse };
});

vi.mock("../../src/events/index.js", async (importOriginal) => {
  if (broken.channel) throw new TypeError("Failed to fetch dynamically imported module: http://127.0.0.1:8080/chunks/events-X.js");
  return importOriginal();
});

let server: Recorder;
beforeAll(async () => {
  server = await startRecorder();
});
afterAll(() => server.close());
afterEach(() => {
  broken.answer = false;
  broken.channel = false;
  server.requests.length = 0;
});

describe.each(transports)("on the %s transport", (_transport, create) => {
  it("an exception in the client's own handling of an answer that arrived: one request, and a MeetingConnectionError saying the answer could not be read", async () => {
    broken.answer = true;
    const conf = create({ baseUrl: server.url, maxRetries: 2 }).conference("986947855", { token: "EXAMPLE-control-token" });
    const error = await conf.inviteToShare("p1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeetingConnectionError);
    expect(error).toMatchObject({ attempts: 1, message: expect.stringContaining("(status 200) arrived, but it was cut off or could not be read; not sent again") });
    expect((error as Error).cause).toMatchObject({ message: "a bug in handling the answer" });
    expect(server.requests).toHaveLength(1);
  });

  it("a caller's fetch that throws at once (its own bug, not the network's) is called once, and the call ends in a MeetingConnectionError", async () => {
    let calls = 0;
    const fetch = () => {
      calls++;
      throw new TypeError("a bug in the caller's fetch");
    };
    const conf = create({ baseUrl: server.url, maxRetries: 2, fetch }).conference("986947855", { token: "EXAMPLE-control-token" });
    await expect(conf.inviteToShare("p1")).rejects.toMatchObject({ name: "MeetingConnectionError", attempts: 1, message: expect.stringContaining("could not be sent") });
    expect(calls).toBe(1);
  });
});

describe("the event channel's code, when it cannot be loaded", () => {
  /** A client whose WebSocket counts the sockets made. */
  function rig() {
    const sockets: string[] = [];
    const WebSocket = class {
      constructor(url: string) {
        sockets.push(url);
        throw new Error("no socket should be made");
      }
    };
    const conf = createMeetingClient({ baseUrl: server.url, WebSocket: WebSocket as never }).conference("986947855", { token: "EXAMPLE-control-token" });
    return { conf, sockets };
  }

  it("waitUntilSharing() rejects with a MeetingConnectionError naming what could not be loaded; nothing is sent or opened", async () => {
    broken.channel = true;
    const { conf, sockets } = rig();
    const error = await conf.waitUntilSharing("p1", { timeoutMs: 5_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeetingConnectionError);
    expect(error).toMatchObject({ message: expect.stringMatching(/^the event channel's code could not be loaded \(.+\)$/) });
    // The loader's own error is kept as the cause (vitest wraps the mock's error once more).
    expect(String(((error as Error).cause as Error).cause)).toContain("Failed to fetch dynamically imported module");
    expect(server.requests).toEqual([]);
    expect(sockets).toEqual([]);
  });

  it("events() ends with the same MeetingConnectionError at its first next(); nothing is sent or opened", async () => {
    broken.channel = true;
    const { conf, sockets } = rig();
    const stream = conf.events();
    await expect(stream.next()).rejects.toMatchObject({ name: "MeetingConnectionError", message: expect.stringContaining("could not be loaded") });
    await expect(stream.next()).resolves.toEqual({ done: true, value: undefined });
    expect(server.requests).toEqual([]);
    expect(sockets).toEqual([]);
  });
});
