// The fake's WebSocket channel (asyncapi.yaml), raw frames: with a plain `ws` client over
// loopback (server mode), and with `fake.WebSocket` in-process (fetch mode).
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket as WsClient } from "ws";
import { control, delay, HOST_PASSWORD, modes, PATHS, requestToken, until, type Door } from "../support/fake-helpers.js";

const CHANNEL = "/cms/open/websocket/confctl/increment/conn";
type Frame = Record<string, any>;
type Socket = { send(text: string): void; close(code?: number): void; readyState: number; addEventListener(type: string, listener: (event: any) => void): void };

/** A socket that keeps every frame and event it receives. */
function probe(Socket: new (url: string) => Socket, url: string) {
  const socket = new Socket(url);
  const texts: string[] = [];
  const events: string[] = [];
  let cursor = 0;
  socket.addEventListener("open", () => events.push("open"));
  socket.addEventListener("error", () => events.push("error"));
  socket.addEventListener("message", (event: { data: unknown }) => texts.push(String(event.data)));
  const closed = new Promise<{ code: number; wasClean: boolean }>((resolve) =>
    socket.addEventListener("close", (event: { code: number; wasClean: boolean }) => {
      events.push("close");
      resolve({ code: event.code, wasClean: event.wasClean });
    }),
  );
  return {
    socket,
    texts,
    events,
    closed,
    opened: () => until(() => events.includes("open")),
    send: (frame: Frame) => socket.send(JSON.stringify(frame)),
    /** The next `n` frames, parsed. */
    async take(n = 1): Promise<Frame[]> {
      await until(() => texts.length >= cursor + n);
      const frames = texts.slice(cursor, cursor + n).map((text) => JSON.parse(text) as Frame);
      cursor += n;
      return frames;
    },
    /** No frame beyond those taken arrives within `ms`. */
    async quiet(ms = 50) {
      await delay(ms);
      expect(texts.slice(cursor)).toEqual([]);
    },
  };
}

const SEQUENCE = "0f1e2d3c4b5a69788796a5b4c3";

describe.each(Object.entries(modes))("the fake's channel, %s mode", (mode, open) => {
  let door: Door;
  afterEach(() => door?.close());

  const setUp = async (options?: Parameters<typeof open>[0]) => {
    door = await open(options);
    const meeting = door.fake.addMeeting({ hostPassword: HOST_PASSWORD });
    const { token, wsURL } = (await requestToken(door, meeting.conferenceID)).body.data;
    const Socket = (mode === "server" ? WsClient : door.fake.WebSocket) as unknown as new (url: string) => Socket;
    const wsToken = async () => (await control(door, PATHS.wsToken, { conferenceID: meeting.conferenceID }, token)).body!.webSocketToken as string;
    const urlOf = (tmpToken: string) => `${wsURL}${CHANNEL}?confID=${meeting.conferenceID}&tmpToken=${tmpToken}`;
    const connect = async (tmpToken?: string) => probe(Socket, urlOf(tmpToken ?? (await wsToken())));
    /** Connects and subscribes; resolves after the reply and the two full pushes. */
    const subscribed = async (subscribeType = ["ConfDynamicInfoNotify", "ParticipantsNotify"]) => {
      const channel = await connect();
      await channel.opened();
      channel.send({ sequence: SEQUENCE, action: "Subscribe", data: JSON.stringify({ subscribeType, confToken: token, conferenceID: meeting.conferenceID }) });
      const [reply, participants, conference] = await channel.take(3);
      return { channel, reply: reply!, participants: participants!, conference: conference! };
    };
    return { meeting, token, wsToken, connect, subscribed };
  };

  it("answers Subscribe with returnCode 0, then pushes the full participants and the meeting's state", async () => {
    const { meeting, subscribed } = await setUp();
    const alice = meeting.join({ name: "Alice" });
    meeting.startSharing(alice.pid);
    const { reply, participants, conference } = await subscribed();
    expect(reply).toEqual({ action: "Subscribe", sequence: SEQUENCE, data: { returnCode: 0, returnDesc: "SUCCESS" } });
    expect(participants).toMatchObject({ action: "ParticipantsNotify", msgMode: 0, confID: meeting.conferenceID });
    expect(participants.data).toEqual([{ pid: alice.pid, mode: 0, pinfoMap: expect.objectContaining({ NAME: "Alice", SHARE: "1", STATE: "0", ROLE: "0" }) }]);
    expect(conference).toMatchObject({ action: "ConfDynamicInfoNotify", msgMode: 0, state: "Created", lockSharing: 0, lock: 0 });
  });

  it("pushes incremental ParticipantsNotify on join, share changes and leave, carrying only what changed", async () => {
    const { meeting, subscribed } = await setUp();
    const { channel } = await subscribed();
    const bob = meeting.join({ name: "Bob" });
    meeting.startSharing(bob.pid);
    meeting.stopSharing(bob.pid);
    meeting.leave(bob.pid);
    const [joined, started, stopped, left] = await channel.take(4);
    expect(joined).toMatchObject({ action: "ParticipantsNotify", msgMode: 1, data: [{ pid: bob.pid, mode: 0, pinfoMap: expect.objectContaining({ NAME: "Bob", SHARE: "0" }) }] });
    expect(started!.data).toEqual([{ pid: bob.pid, mode: 0, pinfoMap: { SHARE: "1" } }]);
    expect(stopped!.data).toEqual([{ pid: bob.pid, mode: 0, pinfoMap: { SHARE: "0" } }]);
    expect(left!.data).toEqual([{ pid: bob.pid, mode: 1 }]);
    expect([joined, started, stopped, left].map((frame) => frame!.version)).toEqual([1, 2, 3, 4]);
    await channel.quiet();
  });

  it("an accepted invitation shows as SHARE 1 on the channel; cancelling it as SHARE 0", async () => {
    const { meeting, subscribed, token } = await setUp({ acceptShareInvitations: true, shareDelayMs: 10 });
    const alice = meeting.join({ name: "Alice" });
    const { channel } = await subscribed();
    const query = { conferenceID: meeting.conferenceID, participantID: alice.pid };
    await control(door, PATHS.invite, query, token, { method: "PUT", body: { share: 1 } });
    expect((await channel.take())[0]!.data).toEqual([{ pid: alice.pid, mode: 0, pinfoMap: { SHARE: "1" } }]);
    await control(door, PATHS.invite, query, token, { method: "PUT", body: { share: 0 } });
    expect((await channel.take())[0]!.data).toEqual([{ pid: alice.pid, mode: 0, pinfoMap: { SHARE: "0" } }]);
  });

  it("pushes ConfDynamicInfoNotify when updateStartedConfConfig changes a setting it carries", async () => {
    const { meeting, subscribed, token } = await setUp();
    const { channel } = await subscribed();
    const settings = (body: object) => control(door, PATHS.settings, { conferenceID: meeting.conferenceID }, token, { method: "PUT", body });
    await settings({ lockSharing: 1 });
    await settings({ lockSharing: 1 }); // no change: no push
    await settings({ isLock: 1, allowUnmuteByOneself: 0 });
    const [locked, both] = await channel.take(2);
    expect(locked).toMatchObject({ action: "ConfDynamicInfoNotify", msgMode: 1, lockSharing: 1 });
    expect(both).toMatchObject({ msgMode: 1, lock: 1, canUnmute: 0 });
    expect(both).not.toHaveProperty("lockSharing");
    await channel.quiet();
  });

  it("pushes only the subscribed types", async () => {
    const { meeting, connect, token } = await setUp();
    const channel = await connect();
    await channel.opened();
    channel.send({ sequence: SEQUENCE, action: "Subscribe", data: JSON.stringify({ subscribeType: ["ParticipantsNotify"], confToken: token }) });
    const [reply, full] = await channel.take(2);
    expect(reply!.data.returnCode).toBe(0);
    expect(full!.action).toBe("ParticipantsNotify");
    meeting.join({ name: "Carol" });
    expect((await channel.take())[0]!.action).toBe("ParticipantsNotify");
    await channel.quiet();
  });

  it("echoes a heart-beat unchanged", async () => {
    const { connect } = await setUp();
    const channel = await connect();
    await channel.opened();
    const text = '{"sequence":"1611993595043","action":"HeartBeat"}';
    channel.socket.send(text);
    await until(() => channel.texts.length === 1);
    expect(channel.texts).toEqual([text]);
  });

  it("closes a channel after 180 s without a heart-beat, on the fake's clock", async () => {
    const { subscribed } = await setUp();
    const { channel } = await subscribed();
    door.fake.advanceTime(100_000);
    channel.send({ sequence: "1611993595043", action: "HeartBeat" });
    await channel.take();
    door.fake.advanceTime(179_000);
    await delay(30);
    expect(channel.events).toEqual(["open"]);
    door.fake.advanceTime(1_000);
    expect(await channel.closed).toEqual({ code: 1000, wasClean: true });
  });

  it("on meeting end, pushes state Destroyed and closes normally (1000)", async () => {
    const { meeting, subscribed } = await setUp();
    const { channel } = await subscribed();
    meeting.end();
    const [destroyed] = await channel.take();
    expect(destroyed).toMatchObject({ action: "ConfDynamicInfoNotify", state: "Destroyed" });
    expect(await channel.closed).toEqual({ code: 1000, wasClean: true });
  });

  it("refuses a Subscribe with an unknown or expired token: non-zero returnCode, then close 4001", async () => {
    const { meeting, connect, token } = await setUp();
    const refused = async (confToken: string, tmpToken?: string) => {
      const channel = await connect(tmpToken);
      await channel.opened();
      channel.send({ sequence: SEQUENCE, action: "Subscribe", data: JSON.stringify({ subscribeType: ["ParticipantsNotify"], confToken }) });
      const [reply] = await channel.take();
      expect(reply).toMatchObject({ action: "Subscribe", sequence: SEQUENCE });
      expect(reply!.data.returnCode).not.toBe(0);
      expect((await channel.closed).code).toBe(4001);
    };
    await refused("FAKE-token-unknown");
    // A WebSocket token obtained just before the control token expires, used just after.
    door.fake.advanceTime(30 * 60_000 - 30_000);
    const tmpToken = (await control(door, PATHS.wsToken, { conferenceID: meeting.conferenceID }, token)).body!.webSocketToken as string;
    door.fake.advanceTime(31_000);
    await refused(token, tmpToken);
  });

  it("a WebSocket token works once and for one minute: otherwise error, then close 1006, never open", async () => {
    const { connect, wsToken } = await setUp();
    const used = await wsToken();
    const first = await connect(used);
    await first.opened();
    const expired = await wsToken();
    door.fake.advanceTime(60_000);
    for (const tmpToken of [used, expired, "FAKE-ws-unknown"]) {
      const refused = await connect(tmpToken);
      expect(await refused.closed).toEqual({ code: 1006, wasClean: false });
      expect(refused.events).toEqual(["error", "close"]);
    }
  });

  it("dropWebSockets closes every open channel abnormally (1006)", async () => {
    const { subscribed } = await setUp();
    const [one, two] = [await subscribed(), await subscribed()];
    door.fake.dropWebSockets();
    for (const { channel } of [one, two]) expect(await channel.closed).toEqual({ code: 1006, wasClean: false });
  });

  it("stops pushing to a channel the client closed", async () => {
    const { meeting, subscribed } = await setUp();
    const { channel } = await subscribed();
    channel.socket.close(1000);
    expect((await channel.closed).code).toBe(1000);
    meeting.join({ name: "Dave" });
    await channel.quiet();
  });
});

describe("the loopback server's upgrade", () => {
  it("answers HTTP 401 to a WebSocket token it does not know", async () => {
    const door = await modes.server();
    try {
      const meeting = door.fake.addMeeting({ hostPassword: HOST_PASSWORD });
      const socket = new WsClient(`${door.baseUrl.replace("http", "ws")}${CHANNEL}?confID=${meeting.conferenceID}&tmpToken=FAKE-ws-unknown`);
      socket.on("error", () => {});
      const status = await new Promise<number>((resolve) =>
        socket.on("unexpected-response", (request, response) => {
          resolve(response.statusCode ?? 0);
          request.destroy();
        }),
      );
      expect(status).toBe(401);
    } finally {
      await door.close();
    }
  });
});

describe("fake.WebSocket", () => {
  it("dispatches events asynchronously, never inside the call that caused them", async () => {
    const door = await modes.fetch();
    const meeting = door.fake.addMeeting({ hostPassword: HOST_PASSWORD });
    const { token } = (await requestToken(door, meeting.conferenceID)).body.data;
    const tmpToken = (await control(door, PATHS.wsToken, { conferenceID: meeting.conferenceID }, token)).body!.webSocketToken as string;
    const socket = new door.fake.WebSocket(`wss://meeting-fake.invalid${CHANNEL}?confID=${meeting.conferenceID}&tmpToken=${tmpToken}`);
    const seen: string[] = [];
    socket.addEventListener("open", () => seen.push("open"));
    socket.addEventListener("message", () => seen.push("message"));
    socket.addEventListener("close", () => seen.push("close"));
    expect(socket.readyState).toBe(0);
    expect(() => socket.send("{}")).toThrow(/CONNECTING/);
    await until(() => socket.readyState === 1);
    socket.send('{"sequence":"1","action":"HeartBeat"}');
    expect(seen).toEqual(["open"]);
    await until(() => seen.length === 2);
    socket.close();
    expect(socket.readyState).toBe(2);
    expect(seen).toEqual(["open", "message"]);
    await until(() => socket.readyState === 3);
    expect(seen).toEqual(["open", "message", "close"]);
  });
});
