// One channel per conference per client, against the stateful fake in-process: the consumers
// of a conference (event streams and waits) share one socket and one WebSocket token per
// connection, each with its own queue; and the roster of a large meeting reaches a prompt
// consumer whole.
import { describe, expect, it } from "vitest";
import { createMeetingClient, type MeetingEvent } from "../../src/node.js";
import { createMeetingFake } from "../../src/testing/index.js";
import { HOST_PASSWORD } from "../support/fake-helpers.js";
import { brief, take } from "../support/event-helpers.js";

/** A client of an in-process fake whose WebSocket class counts the sockets it opens. */
function setUp() {
  const fake = createMeetingFake({ acceptShareInvitations: true, shareDelayMs: 5 });
  const sockets: InstanceType<typeof fake.WebSocket>[] = [];
  class Counting extends fake.WebSocket {
    constructor(url: string | URL) {
      super(url);
      sockets.push(this);
    }
  }
  const client = createMeetingClient({ baseUrl: fake.baseUrl, fetch: fake.fetch, WebSocket: Counting });
  const meeting = fake.addMeeting({ hostPassword: HOST_PASSWORD });
  const conf = client.conference(meeting.conferenceID, { hostPassword: HOST_PASSWORD });
  const wsTokens = () => fake.journal.filter((entry) => entry.operationId === "createWebSocketToken").length;
  const open = () => sockets.filter((socket) => socket.readyState < 2).length;
  return { fake, client, meeting, conf, sockets, wsTokens, open };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 30));

describe("one channel per conference per client", () => {
  it("serves ten waits and two event streams with one socket and one WebSocket token", async () => {
    const { meeting, conf, sockets, wsTokens, open } = setUp();
    const people = Array.from({ length: 10 }, (_, index) => meeting.join({ name: `P${index}` }));
    const first = conf.events();
    const second = conf.events();
    expect(await take(first, 11)).toHaveLength(11); // ten joins and the meeting's status
    expect(await take(second, 11)).toHaveLength(11);
    const waits = people.map(({ pid }) => conf.waitUntilSharing(pid, { timeoutMs: 5_000 }));
    for (const { pid } of people) {
      meeting.startSharing(pid);
      await settled();
    }
    await Promise.all(waits);
    expect(sockets).toHaveLength(1);
    expect(wsTokens()).toBe(1);
    expect(open()).toBe(1); // the streams still hold it
    await first.return();
    expect(open()).toBe(1);
    await second.return();
    expect(open()).toBe(0); // the last consumer closed it
  });

  it("closes the socket when the last consumer leaves, and opens a new one for the next", async () => {
    const { meeting, conf, sockets, wsTokens, open } = setUp();
    const alice = meeting.join({ name: "Alice" });
    const events = conf.events();
    await take(events, 2);
    const waiting = conf.waitUntil({ participantID: alice.pid, MUTE: "0" }, { timeoutMs: 5_000 });
    await settled(); // the wait has joined
    await events.return();
    expect(open()).toBe(1); // the wait is still there
    meeting.participant(alice.pid).set({ MUTE: "0" });
    await waiting;
    expect(open()).toBe(0);
    await conf.waitUntil({ participantID: alice.pid, MUTE: "0" }, { timeoutMs: 5_000 });
    expect(sockets).toHaveLength(2);
    expect(wsTokens()).toBe(2);
    expect(open()).toBe(0);
  });

  it("gives a stream that joins a channel under way the roster and the status first, then what follows", async () => {
    const { meeting, conf, sockets } = setUp();
    const alice = meeting.join({ name: "Alice" });
    const early = conf.events();
    await take(early, 2);
    meeting.startSharing(alice.pid);
    await take(early, 2);
    const late = conf.events();
    expect(brief(await take(late, 3))).toEqual([`participantJoined ${alice.pid}`, `shareStarted ${alice.pid}`, "meetingUpdated"]);
    const bob = meeting.join({ name: "Bob" });
    expect(brief(await take(late, 1))).toEqual([`participantJoined ${bob.pid}`]);
    expect(brief(await take(early, 1))).toEqual([`participantJoined ${bob.pid}`]);
    expect(sockets).toHaveLength(1);
    await early.return();
    await late.return();
  });

  it("never lets a slow consumer delay a fast one: the fast one gets every event, the slow one is told what it missed", async () => {
    const { meeting, conf } = setUp();
    const alice = meeting.join({ name: "Alice" });
    const slow = conf.events({ maxQueued: 5 });
    const fast = conf.events();
    await take(slow, 2);
    await take(fast, 2);
    for (let index = 0; index < 50; index++) meeting.participant(alice.pid).set({ VIDEO: String(index % 2), HAND: String((index + 1) % 2) });
    const got = await take(fast, 50);
    expect(got.every((event) => event.type === "participantUpdated" && event.missed === undefined)).toBe(true);
    // A wait on the same channel is not held up either.
    await conf.waitUntil({ participantID: alice.pid, HAND: "0" }, { timeoutMs: 5_000 });
    const [next] = await take(slow, 1);
    expect(next?.missed).toBe(45); // 50 updates, 5 kept
    await slow.return();
    await fast.return();
  });

  it("reconnects once for all its consumers (one WebSocket token per connection) and delivers to each", async () => {
    const { fake, meeting, conf, sockets, wsTokens } = setUp();
    const alice = meeting.join({ name: "Alice" });
    const first = conf.events();
    const second = conf.events({ types: ["participantJoined", "participantLeft"] });
    await take(first, 2);
    await take(second, 1);
    const waiting = conf.waitUntil({ participantID: alice.pid, HAND: "1" }, { timeoutMs: 5_000 });
    fake.dropWebSockets();
    meeting.participant(alice.pid).set({ HAND: "1" }); // while the client is away
    const bob = meeting.join({ name: "Bob" });
    await waiting;
    expect(brief(await take(first, 2))).toEqual([`participantUpdated ${alice.pid}`, `participantJoined ${bob.pid}`]);
    expect(brief(await take(second, 1))).toEqual([`participantJoined ${bob.pid}`]);
    expect(sockets).toHaveLength(2);
    expect(wsTokens()).toBe(2);
    await first.return();
    await second.return();
  });

  it("ends every consumer with the meeting's end", async () => {
    const { meeting, conf, open } = setUp();
    const alice = meeting.join({ name: "Alice" });
    const events = conf.events();
    await take(events, 2);
    const waiting = conf.waitUntil({ participantID: alice.pid, MUTE: "0" });
    const ending = expect(waiting).rejects.toMatchObject({ name: "MeetingEndedError" });
    meeting.end();
    await ending;
    await expect(take(events, 3)).rejects.toMatchObject({ name: "MeetingEndedError" });
    expect(open()).toBe(0);
  });

  it("shares the channel between two handles of one client on one conference, not between different connection settings", async () => {
    const { client, meeting, conf, sockets, wsTokens } = setUp();
    meeting.join({ name: "Alice" });
    const again = client.conference(meeting.conferenceID, { hostPassword: HOST_PASSWORD });
    const first = conf.events();
    const second = again.events();
    await take(first, 2);
    await take(second, 2);
    expect(sockets).toHaveLength(1);
    const own = again.events({ heartBeatMs: 30_000 });
    await take(own, 2);
    expect(sockets).toHaveLength(2);
    expect(wsTokens()).toBe(2);
    await Promise.all([first.return(), second.return(), own.return()]);
  });

  it("keeps consumers of two clients apart: a channel is per client", async () => {
    const { fake, meeting, conf, sockets } = setUp();
    meeting.join({ name: "Alice" });
    const other = createMeetingClient({ baseUrl: fake.baseUrl, fetch: fake.fetch, WebSocket: fake.WebSocket }).conference(meeting.conferenceID, {
      hostPassword: HOST_PASSWORD,
    });
    const mine = conf.events();
    const theirs = other.events();
    await take(mine, 2);
    await take(theirs, 2);
    expect(sockets).toHaveLength(1); // only this client's socket is counted
    expect(fake.journal.filter((entry) => entry.operationId === "createWebSocketToken")).toHaveLength(2);
    await mine.return();
    await theirs.return();
  });
});

describe("the roster of a large meeting", () => {
  const SIZE = 10_000;

  it(`gives a prompt consumer all ${SIZE} participants as joins, with nothing missed`, async () => {
    const { meeting, conf } = setUp();
    const pids = new Set(Array.from({ length: SIZE }, (_, index) => meeting.join({ name: `P${index}` }).pid));
    const events = conf.events();
    const got = await take(events, SIZE + 1);
    expect(got.filter((event) => event.type === "participantJoined" && pids.has(event.participantID))).toHaveLength(SIZE);
    expect(got[SIZE]?.type).toBe("meetingUpdated");
    expect(got.some((event) => event.missed !== undefined)).toBe(false);
    await events.return();
  });

  it(`gives all ${SIZE} participants in one roster event with fullRoster: "snapshot"`, async () => {
    const { meeting, conf } = setUp();
    const pids = Array.from({ length: SIZE }, (_, index) => meeting.join({ name: `P${index}` }).pid);
    const events = conf.events({ fullRoster: "snapshot" });
    const [roster, status] = await take(events, 2);
    expect(roster).toMatchObject({ type: "roster", reason: "full", left: [], updated: [] });
    const { participants, joined } = roster as Extract<MeetingEvent, { type: "roster" }>;
    expect(participants.size).toBe(SIZE);
    expect(joined).toHaveLength(SIZE);
    expect(participants.get(pids[SIZE - 1]!)).toMatchObject({ NAME: `P${SIZE - 1}`, STATE: "0" });
    expect(status).toMatchObject({ type: "meetingUpdated", meeting: { state: "Created" } });
    expect(roster?.missed).toBeUndefined();
    // Incremental changes still come as events.
    meeting.leave(pids[0]!);
    expect(brief(await take(events, 1))).toEqual([`participantLeft ${pids[0]}`]);
    await events.return();
  });

  it(`keeps all ${SIZE} participants as live state in conf.roster(), on the channel the streams share, until closed`, async () => {
    const { meeting, conf, sockets, open } = setUp();
    const pids = Array.from({ length: SIZE }, (_, index) => meeting.join({ name: `P${index}` }).pid);
    const roster = await conf.roster({ timeoutMs: 10_000 });
    expect(roster.synced).toBe(true);
    expect(roster.participants.size).toBe(SIZE);
    expect(roster.participants.get(pids[1234]!)?.NAME).toBe("P1234");
    await conf.waitUntil({ meeting: { state: "Created" } }, { timeoutMs: 5_000 }); // its own frame, right after
    expect(roster.meeting).toMatchObject({ state: "Created", lockSharing: 0 });
    const events = conf.events({ fullRoster: "snapshot" });
    await take(events, 2);
    const late = meeting.join({ name: "Late" });
    meeting.leave(pids[0]!);
    await take(events, 2);
    expect(roster.participants.size).toBe(SIZE); // one in, one out
    expect(roster.participants.has(late.pid)).toBe(true);
    expect(roster.participants.has(pids[0]!)).toBe(false);
    expect(sockets).toHaveLength(1);
    roster.close();
    meeting.leave(pids[1]!);
    await take(events, 1);
    expect(roster.participants.has(pids[1]!)).toBe(true); // closed: no longer follows
    expect(open()).toBe(1); // the stream still holds the channel
    await events.return();
    expect(open()).toBe(0);
  });

  it("counts a full list's unread joins as missed when a slow consumer's queue drops its slot", async () => {
    const { meeting, conf } = setUp();
    const people = Array.from({ length: 100 }, (_, index) => meeting.join({ name: `P${index}` }).pid);
    const events = conf.events({ maxQueued: 2 });
    expect(await take(events, 1)).toMatchObject([{ type: "participantJoined" }]); // 99 joins left in one slot
    await settled(); // the meeting's status takes the second slot
    meeting.participant(people[0]!).set({ HAND: "1" }); // a third: the oldest slot goes
    await settled();
    const [status, update] = await take(events, 2);
    expect(status).toMatchObject({ type: "meetingUpdated", missed: 99 });
    expect(update).toMatchObject({ type: "participantUpdated", participantID: people[0] });
    expect(update?.missed).toBeUndefined();
    await events.return();
  });

  it("replaces a slow snapshot consumer's overflowing queue by the roster as it is, with the count of what it missed", async () => {
    const { meeting, conf } = setUp();
    const alice = meeting.join({ name: "Alice" });
    const events = conf.events({ fullRoster: "snapshot", maxQueued: 10 });
    await take(events, 2);
    for (let index = 0; index < 30; index++) meeting.join({ name: `Late ${index}` });
    meeting.participant(alice.pid).set({ NAME: "Alice B." });
    await settled();
    const [resync] = await take(events, 1);
    expect(resync).toMatchObject({ type: "roster", reason: "resync", joined: [] });
    const { participants, missed } = resync as Extract<MeetingEvent, { type: "roster" }>;
    expect(participants.size).toBe(31);
    expect(participants.get(alice.pid)?.NAME).toBe("Alice B.");
    expect(missed).toBe(31); // 30 joins and a rename, all in the state it holds
    // Nothing else is queued: the state stood in for everything.
    const next = events.next();
    expect(await Promise.race([next, settled().then(() => "nothing")])).toBe("nothing");
    meeting.leave(alice.pid);
    expect(await next).toMatchObject({ value: { type: "participantLeft", participantID: alice.pid } });
    await events.return();
  });
});
