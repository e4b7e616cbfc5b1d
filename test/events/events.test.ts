// conf.events() and conf.waitUntilSharing() against a scripted loopback meeting-control
// service (test/support/servers/channel.ts): real HTTP, real WebSockets (`ws` on the server side,
// undici's WebSocket on the client side unless a test says otherwise).
import { createServer as createTcpServer, type Socket } from "node:net";
import { Agent } from "undici";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WebSocket as WsWebSocket } from "ws";
import {
  AuthenticationError,
  createMeetingClient,
  MeetingConnectionError,
  MeetingEndedError,
  MeetingInputError,
  MeetingTimeoutError,
  ParticipantLeftError,
  type Conference,
  type MeetingClientOptions,
  type MeetingEvent,
} from "../../src/node.js";
import { createMeetingClient as createUniversalClient } from "../../src/universal.js";
import { FIXED_TOKEN, PASSWORD, startChannelServer, type ChannelServer } from "../support/servers/channel.js";
import { brief, take } from "../support/event-helpers.js";
import { until } from "../support/fake-helpers.js";

let server: ChannelServer;
beforeEach(async () => {
  server = await startChannelServer();
  server.join("p1", { NAME: "Alice", ROLE: "1", SHARE: "0" });
  server.join("p2", { NAME: "Bob", ROLE: "0", SHARE: "0" });
});
afterEach(() => server.close());

function handle(options: MeetingClientOptions = {}): Conference {
  return createMeetingClient({ baseUrl: server.url, ...options }).conference(server.conferenceID, { hostPassword: PASSWORD });
}

describe("conf.events()", () => {
  it("connects with a fresh WebSocket token, subscribes with the raw control token as a JSON string, and reports the full roster", async () => {
    const events = handle().events();
    const first = await take(events, 3);
    expect(brief(first)).toEqual(["participantJoined p1", "participantJoined p2", "meetingUpdated"]);
    expect(first[0]).toMatchObject({ participant: { NAME: "Alice", ROLE: "1", SHARE: "0" } });
    expect(first[2]).toMatchObject({ meeting: { state: "Created", lockSharing: 0 } });

    const [connection] = server.connections;
    expect(connection!.url.pathname).toBe("/cms/open/websocket/confctl/increment/conn");
    expect(connection!.url.searchParams.get("confID")).toBe(server.conferenceID);
    expect(connection!.url.searchParams.get("tmpToken")).toBe(server.wsTokens[0]);
    expect(typeof connection!.subscribeData).toBe("string");
    expect(connection!.subscription).toEqual({
      subscribeType: ["ConfDynamicInfoNotify", "ParticipantsNotify", "InviteResultNotify", "WaitingListNotify"],
      confToken: server.controlTokens[1],
      conferenceID: server.conferenceID,
    });
    await events.return();
  });

  for (const stringData of [false, true]) {
    it(`merges incremental pushes into the roster, with share start and stop, joins and leaves (data as ${stringData ? "a JSON string" : "JSON"})`, async () => {
      server.stringData = stringData;
      const events = handle().events();
      await take(events, 3);
      server.update("p2", { SHARE: "1" });
      server.join("p3", { NAME: "Carol", SHARE: "1" });
      server.update("p2", { SHARE: "0", MUTE: "1" });
      server.leave("p3");
      server.setMeeting({ lockSharing: 1 });
      const later = await take(events, 9);
      expect(brief(later)).toEqual([
        "participantUpdated p2",
        "shareStarted p2",
        "participantJoined p3",
        "shareStarted p3",
        "participantUpdated p2",
        "shareStopped p2",
        "shareStopped p3",
        "participantLeft p3",
        "meetingUpdated",
      ]);
      // The merged record: Bob's name and role come from the full message, SHARE from the pushes.
      expect(later[1]).toMatchObject({ participant: { NAME: "Bob", ROLE: "0", SHARE: "1" } });
      expect(later[4]).toMatchObject({ changed: ["SHARE", "MUTE"], participant: { NAME: "Bob", SHARE: "0", MUTE: "1" } });
      expect(later[8]).toMatchObject({ changed: ["lockSharing"], meeting: { state: "Created", lockSharing: 1 } });
      await events.return();
    });
  }

  it("passes unknown pushes on as `unknown` events, keeps unknown keys, and skips a malformed frame (logged at debug)", async () => {
    const lines: string[] = [];
    const events = handle({ logger: { debug: (line: string) => lines.push(line) } }).events();
    await take(events, 3);
    const [connection] = server.connections;
    connection!.push("{ not json");
    connection!.push({ action: "ParticipantsNotify", msgMode: 1, data: "[oops" });
    connection!.push({ action: "SpeakerChangeNotify", msgMode: 0, data: [{ pid: "p1", speakingVolume: 80 }] });
    connection!.push({ action: "ParticipantsNotify", msgMode: 1, data: [{ pid: "p1", mode: 0, pinfoMap: { FUTURE_KEY: "x", LEVEL: 3 } }] });
    connection!.push({ action: "ParticipantsNotify", msgMode: 1, data: [{ pid: "p2", mode: 7 }] });
    const [unknown, updated, strange] = await take(events, 3);
    expect(unknown).toEqual({ type: "unknown", frame: { action: "SpeakerChangeNotify", msgMode: 0, data: [{ pid: "p1", speakingVolume: 80 }] } });
    expect(updated).toMatchObject({ type: "participantUpdated", changed: ["FUTURE_KEY", "LEVEL"], participant: { NAME: "Alice", FUTURE_KEY: "x", LEVEL: "3" } });
    expect(strange).toMatchObject({ type: "unknown", frame: { data: [{ pid: "p2", mode: 7 }] } });
    expect(lines.filter((line) => line.includes("malformed"))).toHaveLength(2);
    expect(lines.join("\n")).not.toContain("not json");
    expect(lines.join("\n")).not.toContain(server.controlTokens[1]);
    await events.return();
  });

  it("reads a participant change sent as a lone object, or as the JSON text of one", async () => {
    const events = handle().events();
    await take(events, 3);
    const [connection] = server.connections;
    connection!.push({ action: "ParticipantsNotify", msgMode: 1, data: { pid: "p2", mode: 0, pinfoMap: { HAND: "1" } } });
    connection!.push({ action: "ParticipantsNotify", msgMode: 1, data: JSON.stringify({ pid: "p2", mode: 0, pinfoMap: { HAND: "0" } }) });
    const changes = await take(events, 2);
    expect(changes).toMatchObject([
      { type: "participantUpdated", participantID: "p2", changed: ["HAND"], participant: { NAME: "Bob", HAND: "1" } },
      { type: "participantUpdated", participantID: "p2", changed: ["HAND"], participant: { NAME: "Bob", HAND: "0" } },
    ]);
    await events.return();
  });

  it("reconnects after a dropped channel with a new WebSocket token, and reports only what changed meanwhile", async () => {
    const events = handle().events();
    await take(events, 3);
    server.connections[0]!.socket.terminate();
    await server.connections[0]!.closed;
    server.participants.set("p3", { NAME: "Carol", SHARE: "0" }); // joins while the client is away
    server.participants.set("p1", { NAME: "Alice", ROLE: "1", SHARE: "1" }); // and Alice starts sharing
    await server.subscribedConnections(2);
    server.setMeeting({ lock: 1 }); // a marker: nothing else may come before it
    const after = await take(events, 4);
    expect(brief(after)).toEqual(["participantUpdated p1", "shareStarted p1", "participantJoined p3", "meetingUpdated"]);
    expect(server.connections).toHaveLength(2);
    expect(new Set(server.wsTokens).size).toBe(2);
    expect(server.connections[1]!.url.searchParams.get("tmpToken")).toBe(server.wsTokens[1]);
    await events.return();
  });
});

describe("the channel's life", () => {
  it("treats a heart-beat without an echo as a dead connection, and reconnects", async () => {
    server.echoHeartBeats = false;
    const events = handle().events({ heartBeatMs: 50 });
    await take(events, 3);
    await server.connections[0]!.closed; // the client gave up on the silent connection
    expect(server.connections[0]!.received.some((frame) => frame.action === "HeartBeat")).toBe(true);
    server.echoHeartBeats = true;
    await server.subscribedConnections(2);
    server.update("p1", { HAND: "1" });
    expect(brief(await take(events, 1))).toEqual(["participantUpdated p1"]); // no duplicate joins from the resync
    await events.return();
  });

  it("keeps a connection whose heart-beats are echoed", async () => {
    const events = handle().events({ heartBeatMs: 30 });
    await take(events, 3);
    const heartBeats = () => server.connections[0]!.received.filter((frame) => frame.action === "HeartBeat");
    // Polled, not slept: on a busy machine 30 ms beats come late, yet three must come.
    await until(() => heartBeats().length >= 3, 5_000);
    const beats = heartBeats();
    expect(beats.length).toBeGreaterThanOrEqual(3);
    expect(beats[0]).toEqual({ action: "HeartBeat", sequence: expect.stringMatching(/^\d+$/) });
    expect(server.connections).toHaveLength(1);
    await events.return();
  });

  it("ends with AuthenticationError when the subscription is refused, the token nowhere in it", async () => {
    server.refuseSubscribe = true;
    const conf = createMeetingClient({ baseUrl: server.url, wsUrl: server.wsUrl }).conference(server.conferenceID, { token: FIXED_TOKEN });
    const error = await take(conf.events(), 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).errorCode).toBe("401");
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(FIXED_TOKEN);
    expect(server.connections).toHaveLength(1); // a fixed token cannot be replaced: no second try
  });

  it("ends with AuthenticationError when createWebSocketToken refuses the control token", async () => {
    const conf = createMeetingClient({ baseUrl: server.url, wsUrl: server.wsUrl }).conference(server.conferenceID, { token: "not-a-valid-token" });
    await expect(take(conf.events(), 1)).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.connections).toHaveLength(0);
  });

  it("ends with MeetingConnectionError after the reconnections allowed", async () => {
    server.refuseUpgrades = true;
    const started = Date.now();
    const error = await take(handle().events({ maxReconnects: 1 }), 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeetingConnectionError);
    expect((error as MeetingConnectionError).attempts).toBe(2);
    expect(server.wsTokens).toHaveLength(2); // a new token for each attempt
    expect(Date.now() - started).toBeGreaterThanOrEqual(250); // backoff between them
  });

  it("runs out of reconnections on a channel that drops right after each subscription, repeating nothing", async () => {
    const dropper = setInterval(() => server.connections.filter((c) => c.subscribed && c.socket.readyState === 1).forEach((c) => c.socket.close(1001)), 5); // after the roster it was sent
    const seen: MeetingEvent[] = [];
    try {
      const error = await (async () => {
        for await (const event of handle().events({ maxReconnects: 2 })) seen.push(event);
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MeetingConnectionError);
      expect((error as MeetingConnectionError).attempts).toBe(3);
    } finally {
      clearInterval(dropper);
    }
    expect(server.connections.filter((c) => c.subscribed)).toHaveLength(3);
    expect(brief(seen)).toEqual(["participantJoined p1", "participantJoined p2", "meetingUpdated"]);
  });

  it("ends with MeetingEndedError after the meeting's last state, delivered first", async () => {
    const events = handle().events();
    await take(events, 3);
    server.end();
    const [last] = await take(events, 1);
    expect(last).toMatchObject({ type: "meetingUpdated", meeting: { state: "Destroyed" }, changed: ["state"] });
    await expect(events.next()).rejects.toBeInstanceOf(MeetingEndedError);
    expect(server.connections).toHaveLength(1); // no reconnection to a meeting that is over
  });

  it("closes the channel on break", async () => {
    for await (const event of handle().events()) {
      if (event.type === "meetingUpdated") break;
    }
    expect(await server.connections[0]!.closed).toEqual({ code: 1000 });
  });

  it("closes the channel and rejects with the reason when the signal aborts", async () => {
    const controller = new AbortController();
    const events = handle().events({ signal: controller.signal });
    await take(events, 3);
    const pending = events.next();
    controller.abort(new Error("stop watching"));
    await expect(pending).rejects.toThrow("stop watching");
    expect(await server.connections[0]!.closed).toEqual({ code: 1000 });
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it("rejects at once for a signal already aborted, without connecting", async () => {
    await expect(take(handle().events({ signal: AbortSignal.abort() }), 1)).rejects.toThrow(/abort/i);
    expect(server.wsTokens).toHaveLength(0);
  });

  it("holds at most maxQueued events for a slow consumer, says how many it dropped, and keeps the records current", async () => {
    const events = handle().events({ maxQueued: 5, types: ["participantUpdated"] });
    const first = events.next();
    await server.subscribedConnections(1);
    server.update("p1", { HAND: "1" });
    await first; // now stop reading
    for (let i = 0; i < 200; i++) server.update("p1", { MUTE: String(i % 2), VIDEO: String(i) });
    server.update("p1", { HAND: "0" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Read up to the last update: every event is either delivered or counted as missed.
    let delivered = 0;
    let missed = 0;
    let last: MeetingEvent | undefined;
    while (!(last && "participant" in last && last.participant.HAND === "0")) {
      [last] = await take(events, 1);
      delivered++;
      missed += last!.missed ?? 0;
    }
    expect(delivered + missed).toBe(201);
    expect(missed).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(201);
    expect(last).toMatchObject({ participant: { NAME: "Alice", HAND: "0", VIDEO: "199" } });
    await events.return();
  });

  it("yields only the types asked for", async () => {
    const events = handle().events({ types: ["shareStarted"] });
    const next = events.next();
    await server.subscribedConnections(1);
    server.update("p1", { HAND: "1" });
    server.update("p2", { SHARE: "1" });
    expect(await next).toMatchObject({ value: { type: "shareStarted", participantID: "p2" } });
    await events.return();
  });
});

describe("conf.waitUntilSharing()", () => {
  it("resolves once the invited participant starts sharing", async () => {
    server.onInvite = (pid, share) => share === 1 && setTimeout(() => server.update(pid, { SHARE: "1" }), 20);
    const conf = handle();
    await conf.inviteToShare("p2");
    await conf.waitUntilSharing("p2", { timeoutMs: 5_000 });
    expect(server.invites).toEqual([{ participantID: "p2", share: 1 }]);
    expect(await server.connections[0]!.closed).toEqual({ code: 1000 }); // the channel is closed once done
  });

  it("resolves at once when the roster already shows the participant sharing", async () => {
    server.participants.set("p1", { NAME: "Alice", SHARE: "1" });
    await handle().waitUntilSharing("p1", { timeoutMs: 5_000 });
  });

  it("rejects with MeetingTimeoutError when the participant does not share in time", async () => {
    const error = await handle()
      .waitUntilSharing("p2", { timeoutMs: 300 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeetingTimeoutError);
    expect((error as Error).message).toMatch(/p2 did not start sharing within 300 ms/);
    expect(await server.connections[0]!.closed).toEqual({ code: 1000 });
  });

  it("rejects with ParticipantLeftError when the participant leaves, or is not in the meeting", async () => {
    const conf = handle();
    const waiting = conf.waitUntilSharing("p2", { timeoutMs: 5_000 });
    await server.subscribedConnections(1);
    server.leave("p2");
    await expect(waiting).rejects.toMatchObject({ name: "ParticipantLeftError", participantID: "p2" });
    await expect(conf.waitUntilSharing("nobody", { timeoutMs: 5_000 })).rejects.toBeInstanceOf(ParticipantLeftError);
  });

  it("rejects with MeetingEndedError when the meeting ends first, and with the reason on abort", async () => {
    const conf = handle();
    const waiting = conf.waitUntilSharing("p2");
    await server.subscribedConnections(1);
    server.end();
    await expect(waiting).rejects.toBeInstanceOf(MeetingEndedError);

    const controller = new AbortController();
    const aborted = conf.waitUntilSharing("p2", { signal: controller.signal });
    controller.abort(new Error("no longer needed"));
    await expect(aborted).rejects.toThrow("no longer needed");
  });
});

describe("the channel's address and transport", () => {
  it("refuses ws: to a host that is not loopback, before any request or connection", async () => {
    expect(() => createMeetingClient({ wsUrl: "ws://meeting.example" })).toThrow(MeetingInputError);
    expect(() => createMeetingClient({ wsUrl: "ws://meeting.example" })).toThrow(/^wsUrl must be wss:/);
    expect(() => createMeetingClient({ wsUrl: "wss://user:secret@meeting.example" })).toThrow(/wsUrl must not hold credentials/);
    expect(() => createMeetingClient({ wsUrl: "ws://meeting.example", allowInsecureHttp: true })).not.toThrow();
    expect(() => createMeetingClient({ wsUrl: "wss://meeting.example/" })).not.toThrow();

    server.wsURL = "ws://meeting.example"; // a token answer pointing at a plain-text, remote channel
    const error = await take(handle().events(), 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeetingInputError);
    expect((error as MeetingInputError).field).toBe("data.wsURL of createConfToken");
    expect(server.wsTokens).toHaveLength(0);
  });

  it("asks for wsUrl when a { token } handle has no token answer to take it from", async () => {
    const conf = createMeetingClient({ baseUrl: server.url }).conference(server.conferenceID, { token: FIXED_TOKEN });
    await expect(take(conf.events(), 1)).rejects.toMatchObject({ name: "MeetingInputError", field: "wsUrl" });
    expect(server.wsTokens).toHaveLength(0);
  });

  it("keeps a wsURL that already ends with the channel's path", async () => {
    server.wsURL = `${server.wsUrl}/cms/open/websocket/confctl/increment/conn/`;
    const events = handle().events();
    await take(events, 1);
    expect(server.connections[0]!.url.pathname).toBe("/cms/open/websocket/confctl/increment/conn");
    await events.return();
  });

  it("checks the WebSocket option and the channel options", async () => {
    expect(() => createMeetingClient({ WebSocket: 42 as never })).toThrow(/^WebSocket must be a WebSocket constructor, got 42$/);
    expect(() => createMeetingClient({ WebSocket: (() => {}) as never })).toThrow(MeetingInputError);
    const conf = handle();
    await expect(take(conf.events({ types: ["shareBegan" as never] }), 1)).rejects.toMatchObject({ field: "options.types" });
    await expect(take(conf.events({ heartBeatMs: 0 }), 1)).rejects.toMatchObject({ field: "options.heartBeatMs" });
    await expect(take(conf.events({ maxQueued: 1.5 }), 1)).rejects.toMatchObject({ field: "options.maxQueued" });
    await expect(conf.waitUntilSharing("p1", { timeoutMs: -1 })).rejects.toMatchObject({ field: "options.timeoutMs" });
    await expect(conf.waitUntilSharing("")).rejects.toMatchObject({ field: "participantID" });
    expect(server.wsTokens).toHaveLength(0);
  });

  it("opens undici's WebSocket on the client's dispatcher", async () => {
    let dispatched = 0;
    const agent = new Agent();
    const dispatcher = Object.assign(Object.create(agent) as Agent, {
      dispatch: (...args: Parameters<Agent["dispatch"]>) => {
        dispatched++;
        return agent.dispatch(...args);
      },
    });
    const events = handle({ dispatcher }).events();
    await take(events, 1);
    await events.return();
    expect(dispatched).toBeGreaterThanOrEqual(3); // the token, the WebSocket token, and the upgrade
    await agent.close();
  });

  it("uses the WebSocket option when given (here the `ws` library's), and works with a caller's fetch", async () => {
    const opened: string[] = [];
    class Recording extends WsWebSocket {
      constructor(url: string) {
        super(url);
        opened.push(new URL(url).pathname);
      }
    }
    const events = handle({ WebSocket: Recording, fetch: (url, init) => globalThis.fetch(url, init) }).events();
    expect(brief(await take(events, 2))).toEqual(["participantJoined p1", "participantJoined p2"]);
    expect(opened).toEqual(["/cms/open/websocket/confctl/increment/conn"]);
    await events.return();
  });

  it("uses the global WebSocket on other runtimes (the universal entry), and says so when there is none", async () => {
    const conf = () => createUniversalClient({ baseUrl: server.url }).conference(server.conferenceID, { hostPassword: PASSWORD });
    vi.stubGlobal("WebSocket", undefined);
    try {
      await expect(take(conf().events(), 1)).rejects.toMatchObject({ name: "MeetingInputError", field: "WebSocket" });
      expect(server.wsTokens).toHaveLength(0); // refused before a single-use token was spent
      vi.stubGlobal("WebSocket", WsWebSocket);
      const events = conf().events();
      expect(brief(await take(events, 1))).toEqual(["participantJoined p1"]);
      await events.return();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  for (const [name, WebSocket] of [
    ["undici's", undefined],
    ["ws's", WsWebSocket],
  ] as const) {
    it(`gives up on a connection that never opens within timeoutMs (${name} WebSocket)`, async () => {
      const held: Socket[] = [];
      const silent = createTcpServer((socket) => held.push(socket)); // accepts, never answers the upgrade
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      const { port } = silent.address() as { port: number };
      try {
        const conf = createMeetingClient({ baseUrl: server.url, wsUrl: `ws://127.0.0.1:${port}`, timeoutMs: 200, WebSocket }).conference(server.conferenceID, {
          token: FIXED_TOKEN,
        });
        const error = await take(conf.events({ maxReconnects: 0 }), 1).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MeetingConnectionError);
        expect((error as Error).message).toMatch(/not subscribed within 200 ms/);
        expect(held).toHaveLength(1);
      } finally {
        held.forEach((socket) => socket.destroy());
        silent.close();
      }
    });
  }
});
