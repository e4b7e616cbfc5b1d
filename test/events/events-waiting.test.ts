// The waiting room on the event channel (WaitingListNotify): `waitingJoined` / `waitingLeft`
// events, `waiting` in the live state, and the `{ waiting: pid }` conditions; against the
// stateful fake in-process, and against the scripted channel server for what the fake never
// sends (full lists of our choosing, malformed entries).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMeetingClient, MeetingInputError, MeetingTimeoutError, type Conference, type MeetingEvent } from "../../src/node.js";
import { createMeetingFake, type FakeMeeting, type MeetingFake } from "../../src/testing/index.js";
import { take } from "../support/event-helpers.js";
import { HOST_PASSWORD, until } from "../support/fake-helpers.js";
import { PASSWORD, startChannelServer, type ChannelServer } from "../support/servers/channel.js";

const WAITING_EVENTS = ["waitingJoined", "waitingLeft"] as const;
const joined = (pid: string, member: Record<string, unknown>): MeetingEvent => ({ type: "waitingJoined", participantID: pid, member: member as never });
const left = (pid: string, member: Record<string, unknown>): MeetingEvent => ({ type: "waitingLeft", participantID: pid, member: member as never });

const stop: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const close of stop.splice(0)) await close();
});

describe("against the fake", () => {
  let fake: MeetingFake;
  let meeting: FakeMeeting;
  let conf: Conference;
  let alice: string;
  let bob: string;
  beforeEach(() => {
    fake = createMeetingFake();
    meeting = fake.addMeeting({ hostPassword: HOST_PASSWORD });
    meeting.join({ name: "Hana", role: "host" });
    alice = meeting.join({ name: "Alice" }).pid;
    bob = meeting.join({ name: "Bob" }).pid;
    conf = createMeetingClient({ baseUrl: fake.baseUrl, fetch: fake.fetch, WebSocket: fake.WebSocket }).conference(meeting.conferenceID, { hostPassword: HOST_PASSWORD });
    stop.push(() => fake.dropWebSockets());
  });
  const confirm = (condition: Parameters<Conference["waitUntil"]>[0]) => conf.waitUntil(condition, { timeoutMs: 5_000 });

  it("a knock shows as waitingJoined (with types filtering) and in roster().waiting", async () => {
    const live = await conf.roster();
    stop.push(() => live.close());
    const events = conf.events({ types: WAITING_EVENTS });
    stop.push(() => events.return());
    const carol = meeting.knock({ name: "Carol" }).pid;
    expect(await take(events, 1)).toEqual([joined(carol, { pid: carol, name: "Carol" })]);
    expect([...live.waiting]).toEqual([[carol, { pid: carol, name: "Carol" }]]);
    expect(live.waitingSynced).toBe(true);
    expect([...live.participants.keys()]).toEqual([expect.any(String), alice, bob]);
  });

  it("someone already waiting is announced to a new stream, and a roster snapshot carries the waiting list", async () => {
    const carol = meeting.knock({ name: "Carol" }).pid;
    const live = await conf.roster();
    stop.push(() => live.close());
    await confirm({ waiting: carol });
    const events = conf.events({ fullRoster: "snapshot", types: ["roster", ...WAITING_EVENTS] });
    stop.push(() => events.return());
    const [roster, waiting] = await take(events, 2);
    expect(roster?.type === "roster" && [...roster.waiting]).toEqual([[carol, { pid: carol, name: "Carol" }]]);
    expect(waiting).toEqual(joined(carol, { pid: carol, name: "Carol" }));
  });

  it("moveToWaitingRoom, then admit, each confirmed with waitUntil; the events say the same", async () => {
    const controller = new AbortController();
    const seen: MeetingEvent[] = [];
    // Read from now on (a stream joins the channel at its first read).
    const pump = (async () => {
      for await (const event of conf.events({ types: WAITING_EVENTS, signal: controller.signal })) seen.push(event);
    })().catch(() => {});
    stop.push(() => {
      controller.abort();
      return pump;
    });
    const live = await conf.roster();
    stop.push(() => live.close());
    await confirm((state) => state.waitingSynced);

    const moved = confirm({ waiting: alice });
    await conf.participant(alice).moveToWaitingRoom();
    await moved;
    expect(live.participants.has(alice)).toBe(false);
    const admitted = confirm({ waiting: alice, left: true });
    await conf.participant(alice).admit();
    await admitted;
    await confirm({ participantID: alice, STATE: "0" });
    expect(live.waiting.size).toBe(0);
    await until(() => seen.length >= 2, 5_000);
    expect(seen).toEqual([joined(alice, { pid: alice, name: "Alice" }), left(alice, { pid: alice, name: "Alice" })]);
  });

  it("the batch move and admitting everyone, confirmed with waitUntil", async () => {
    const live = await conf.roster();
    stop.push(() => live.close());
    const moved = Promise.all([confirm({ waiting: alice }), confirm({ waiting: bob })]);
    await conf.moveToWaitingRoom([alice, bob]);
    await moved;
    expect([...live.waiting.keys()]).toEqual([alice, bob]);
    const admitted = Promise.all([confirm({ waiting: alice, left: true }), confirm({ waiting: bob, left: true })]);
    await conf.admitAll();
    await admitted;
    expect(live.waiting.size).toBe(0);
    expect(meeting.waiting).toEqual([]);
  });

  it("a timeout names what was not seen", async () => {
    const error = await conf.waitUntil({ waiting: "f".repeat(32) }, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeetingTimeoutError);
    expect((error as Error).message).toBe(`participant ${"f".repeat(32)} in the waiting room: not seen within 200 ms`);
    const gone = await conf.waitUntil({ waiting: alice, left: true }, { timeoutMs: 5_000 }).then(() => "resolved");
    expect(gone).toBe("resolved"); // never waiting, and the full waiting list has come
  });

  it("refuses a waiting condition that is not one, naming the field", async () => {
    const refusals = [
      [{ waiting: "" }, "condition.waiting"],
      [{ waiting: 7 }, "condition.waiting"],
      [{ waiting: alice, left: false }, "condition.left"],
      [{ waiting: alice, MUTE: "1" }, "condition"],
    ] as const;
    for (const [condition, field] of refusals) {
      const error = await conf.waitUntil(condition as never, { timeoutMs: 200 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MeetingInputError);
      expect((error as MeetingInputError).field).toBe(field);
    }
    const mixed = await conf.waitUntil({ waiting: alice, MUTE: "1" } as never).catch((e: unknown) => e);
    expect((mixed as Error).message).toBe("condition asks for waiting and MUTE at once");
  });
});

describe("against the scripted channel server", () => {
  let server: ChannelServer;
  let conf: Conference;
  const lines: string[] = [];
  beforeEach(async () => {
    server = await startChannelServer();
    server.join("p1", { NAME: "Hana", ROLE: "1" });
    stop.push(() => server.close());
    lines.length = 0;
    conf = createMeetingClient({ baseUrl: server.url, logger: { debug: (line: string) => lines.push(line) } }).conference(server.conferenceID, { hostPassword: PASSWORD });
  });
  const waitingList = (msgMode: number | undefined, data: unknown) => ({
    action: "WaitingListNotify",
    version: 1,
    createTime: 1,
    msgID: "m",
    msgMode,
    confID: server.conferenceID,
    data,
  });

  it("subscribes to WaitingListNotify", async () => {
    const live = await conf.roster();
    stop.push(() => live.close());
    expect(server.connections[0]!.subscription?.subscribeType).toEqual(["ConfDynamicInfoNotify", "ParticipantsNotify", "InviteResultNotify", "WaitingListNotify"]);
  });

  it("a full WaitingListNotify replaces the list; an incremental one adds and removes", async () => {
    const events = conf.events({ types: WAITING_EVENTS });
    stop.push(() => events.return());
    const live = await conf.roster();
    stop.push(() => live.close());
    const [connection] = server.connections;
    const carol = { pid: "w1", name: "Carol" };
    const dora = { pid: "w2", name: "Dora" };
    const erin = { pid: "w3", name: "Erin" };
    const finn = { pid: "w4", name: "Finn" };
    connection!.push(
      waitingList(0, [
        { ...carol, mode: 0 },
        { ...dora, mode: 0 },
      ]),
    );
    expect(await take(events, 2)).toEqual([joined("w1", carol), joined("w2", dora)]);
    expect(live.waitingSynced).toBe(true);
    connection!.push(
      waitingList(1, [
        { ...erin, mode: 0 },
        { pid: "w1", mode: 1 },
      ]),
    );
    expect(await take(events, 2)).toEqual([joined("w3", erin), left("w1", carol)]);
    // Full again, as after a reconnection: Dora stays (no event), Erin is gone, Finn is new.
    connection!.push(
      waitingList(
        0,
        JSON.stringify([
          { ...dora, mode: 0 },
          { ...finn, mode: 0 },
        ]),
      ),
    );
    expect(await take(events, 2)).toEqual([joined("w4", finn), left("w3", erin)]);
    expect([...live.waiting]).toEqual([
      ["w2", dora],
      ["w4", finn],
    ]);
    connection!.push(waitingList(0, []));
    expect(await take(events, 2)).toEqual([left("w2", dora), left("w4", finn)]);
    expect(live.waiting.size).toBe(0);
  });

  it("tolerates malformed frames and entries: skips what it cannot read, keeps unknown fields, and streams on", async () => {
    const events = conf.events();
    stop.push(() => events.return());
    await take(events, 2); // Hana, the meeting's status
    const [connection] = server.connections;
    connection!.push(waitingList(1, "[oops"));
    connection!.push(waitingList(1, null));
    const odd = [42, null, ["w9"], { name: "no pid" }, { pid: "" }, { pid: 5 }, { pid: "w5", name: 7, mode: 0, FUTURE: { x: 1 } }, { pid: "w6", name: "Gus", mode: 9 }];
    connection!.push(waitingList(1, odd));
    connection!.push(waitingList(undefined, { pid: "w7", name: "Ida" }));
    server.join("p2", { NAME: "Bob" });
    const seen = await take(events, 4);
    expect(seen).toEqual([
      joined("w5", { pid: "w5", name: "7", FUTURE: { x: 1 } }),
      { type: "unknown", frame: waitingList(1, odd) },
      joined("w7", { pid: "w7", name: "Ida" }),
      { type: "participantJoined", participantID: "p2", participant: { NAME: "Bob" } },
    ]);
    expect(lines.filter((line) => line.includes("skipped a malformed WaitingListNotify frame"))).toHaveLength(2);
  });

  it("{ waiting, left: true } waits for a full list, or for having seen them wait, before taking absence as gone", async () => {
    const live = await conf.roster();
    stop.push(() => live.close());
    const [connection] = server.connections;
    let done = false;
    const gone = conf.waitUntil({ waiting: "w1", left: true }, { timeoutMs: 5_000 }).then(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([live.waitingSynced, done]).toEqual([false, false]);
    connection!.push(waitingList(1, [{ pid: "w1", name: "Carol", mode: 0 }]));
    await conf.waitUntil({ waiting: "w1" }, { timeoutMs: 5_000 });
    expect(done).toBe(false);
    connection!.push(waitingList(1, [{ pid: "w1", mode: 1 }]));
    await gone;
    expect([live.waitingSynced, live.waiting.size]).toEqual([false, 0]);
  });

  it("holds the first 10 000: none of them is taken for gone, nor is a newcomer past them", async () => {
    const live = await conf.roster();
    stop.push(() => live.close());
    const list = Array.from({ length: 10_001 }, (_, index) => ({ pid: `w${index}`, mode: 0 }));
    server.connections[0]!.push(waitingList(0, list));
    await conf.waitUntil((state) => state.waiting.size === 10_000, { timeoutMs: 10_000 });
    expect([live.waitingSynced, live.waiting.has("w0"), live.waiting.has("w10000")]).toEqual([false, true, false]);
    for (const pid of ["w0", "w10000"]) {
      await expect(conf.waitUntil({ waiting: pid, left: true }, { timeoutMs: 100 })).rejects.toBeInstanceOf(MeetingTimeoutError);
    }
  });
});
