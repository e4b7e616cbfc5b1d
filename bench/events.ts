// The event channel's costs, in a process of its own (run with --expose-gc): memory per roster
// participant and per watched conference, time from a full participant list to a complete
// roster, CPU per incremental frame, and one process watching 1,000 conferences on the fake.
// Runs the built package (dist/). Alone: `node --expose-gc --import tsx bench/events.ts`
// prints Markdown; under bench/run.ts it also sends its figures to the parent.
import { createMeetingClient, type Conference, type MeetingEvent } from "../dist/node.js";
import { createMeetingFake } from "../dist/testing/index.js";

const exposed = (globalThis as { gc?: () => void }).gc;
if (!exposed) throw new Error("run with node --expose-gc (bench/run.ts does)");
const gc: () => void = exposed;
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SIZES = [3_000, 10_000];
const CONFERENCES = Math.max(10, Math.round(1_000 * SCALE));
const INCREMENTS = Math.max(200, Math.round(5_000 * SCALE));
const PASSWORD = "FAKE-bench-host-password";
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const later = (run: () => void) => setTimeout(run, 0);

async function heap(): Promise<number> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 20));
  gc();
  return process.memoryUsage().heapUsed;
}
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * A socket that answers Subscribe and echoes heart-beats, and delivers whatever frame text the
 * bench hands it: the client's side of the channel measured alone, without a server's.
 */
class StubSocket extends EventTarget {
  static opened: StubSocket[] = [];
  readyState = 0;
  constructor(readonly url: string) {
    super();
    StubSocket.opened.push(this);
    later(() => {
      this.readyState = 1;
      this.dispatchEvent(new Event("open"));
    });
  }
  send(text: string): void {
    const frame = JSON.parse(text) as { action: string; sequence: string };
    if (frame.action === "Subscribe") later(() => this.deliver(JSON.stringify({ action: "Subscribe", sequence: frame.sequence, data: { returnCode: 0, returnDesc: "SUCCESS" } })));
    else if (frame.action === "HeartBeat") later(() => this.deliver(text));
  }
  deliver(text: string): void {
    if (this.readyState === 1) this.dispatchEvent(new MessageEvent("message", { data: text }));
  }
  close(): void {
    this.readyState = 3;
  }
}

const pid = (index: number) => index.toString(16).padStart(32, "0");
const pinfo = (index: number) => ({
  NAME: `Participant ${index}`,
  TEL: "",
  ROLE: "0",
  STATE: "0",
  HAND: "0",
  BROADCAST: "0",
  ROLLCALL: "0",
  SHARE: "0",
  ADDTIME: String(1_700_000_000_000 + index),
  MUTE: "1",
  VIDEO: "0",
});
const envelope = (action: string, full: boolean, version: number) => ({ action, version, createTime: version, msgID: pid(version), msgMode: full ? 0 : 1, confID: "900000001" });
const fullFrame = (size: number) =>
  JSON.stringify({ ...envelope("ParticipantsNotify", true, 1), data: Array.from({ length: size }, (_, index) => ({ pid: pid(index), mode: 0, pinfoMap: pinfo(index) })) });
const mute = (index: number, version: number, value: string) =>
  JSON.stringify({ ...envelope("ParticipantsNotify", false, version), data: [{ pid: pid(index), mode: 0, pinfoMap: { MUTE: value } }] });

/** A handle whose channel runs on stub sockets; REST (tokens) on the fake in-process. */
function stubbed(): { conf: Conference; socket: () => StubSocket } {
  const fake = createMeetingFake();
  const meeting = fake.addMeeting({ hostPassword: PASSWORD, conferenceID: "900000001" });
  const client = createMeetingClient({ baseUrl: fake.baseUrl, fetch: fake.fetch, WebSocket: StubSocket as never });
  StubSocket.opened = [];
  return { conf: client.conference(meeting.conferenceID, { hostPassword: PASSWORD }), socket: () => StubSocket.opened.at(-1)! };
}

async function subscribed(socket: () => StubSocket | undefined): Promise<StubSocket> {
  while (socket()?.readyState !== 1) await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => setTimeout(resolve, 20)); // the Subscribe reply
  return socket()!;
}

interface RosterFigures {
  size: number;
  /** From the full frame's delivery to the last participant taken, in ms. */
  joinsMs: number;
  snapshotMs: number;
  /** Heap held per participant once the roster is complete (joins mode), in bytes. */
  bytesPerParticipant: number;
  /** CPU per incremental frame (one participant's MUTE), parsed, merged and taken by one consumer, in µs. */
  cpuPerFrameUs: number;
}

const step = (text: string) => process.env.BENCH_DEBUG && console.error(text);

async function roster(size: number): Promise<RosterFigures> {
  step(`roster ${size}`);
  const text = fullFrame(size);
  // Each frame changes one participant's MUTE (all start "1"): "0" on the first pass over the roster, "1" on the next.
  const increments = Array.from({ length: INCREMENTS }, (_, index) => mute(index % size, index + 2, Math.floor(index / size) % 2 === 0 ? "0" : "1"));

  // Joins mode: the full frame, then a burst of incremental frames, read as they come.
  const joins = stubbed();
  const events = joins.conf.events({ maxQueued: 1_000 });
  const first = events.next();
  const socket = await subscribed(joins.socket);
  const before = await heap();
  let start = performance.now();
  socket.deliver(text);
  let taken = (await first).done ? 0 : 1;
  while (taken < size) {
    await events.next();
    taken++;
  }
  const joinsMs = performance.now() - start;
  step(`joins in ${joinsMs} ms`);
  const status = events.next(); // the next one to come
  const after = await heap();
  const cpuBefore = cpuMs();
  for (let index = 0; index < increments.length; index += 100) {
    const burst = increments.slice(index, index + 100);
    for (const frame of burst) socket.deliver(frame);
    for (let read = 0; read < burst.length; read++) {
      const { value } = await (read === 0 && index === 0 ? status : events.next());
      if ((value as MeetingEvent).missed) throw new Error("the bench consumer missed events");
    }
  }
  step("increments");
  const cpuPerFrameUs = ((cpuMs() - cpuBefore) * 1000) / increments.length;
  await events.return();

  // Snapshot mode: the full frame as one roster event.
  const snap = stubbed();
  const snapshots = snap.conf.events({ fullRoster: "snapshot" });
  const firstSnapshot = snapshots.next();
  const snapSocket = await subscribed(snap.socket);
  start = performance.now();
  snapSocket.deliver(text);
  const { value } = await firstSnapshot;
  const snapshotMs = performance.now() - start;
  step("snapshot");
  if (value?.type !== "roster" || value.participants.size !== size) throw new Error("the snapshot is not the whole roster");
  await snapshots.return();

  return { size, joinsMs, snapshotMs, bytesPerParticipant: (after - before) / size, cpuPerFrameUs };
}

interface FleetFigures {
  conferences: number;
  participantsEach: number;
  /** From the first events() call to every conference's roster complete, in ms. */
  syncMs: number;
  /** Heap per watched conference, the fake's side of each channel included, in bytes. */
  bytesPerConference: number;
  /** Heap per watched conference on stub sockets: the client's side alone, in bytes. */
  clientBytesPerConference: number;
  /** One change in every conference, until every consumer has it, in ms. */
  roundMs: number;
  wsTokens: number;
  sockets: number;
}

async function fleet(): Promise<FleetFigures> {
  const EACH = 5;
  const fake = createMeetingFake();
  let sockets = 0;
  class Counting extends fake.WebSocket {
    constructor(url: string | URL) {
      super(url);
      sockets++;
    }
  }
  const client = createMeetingClient({ baseUrl: fake.baseUrl, fetch: fake.fetch, WebSocket: Counting });
  const meetings = Array.from({ length: CONFERENCES }, () => {
    const meeting = fake.addMeeting({ hostPassword: PASSWORD });
    const people = Array.from({ length: EACH }, (_, index) => meeting.join({ name: `P${index}` }).pid);
    return { meeting, people, conf: client.conference(meeting.conferenceID, { hostPassword: PASSWORD }) };
  });
  const before = await heap();
  const start = performance.now();
  const streams = meetings.map(({ conf }) => conf.events());
  // Each stream: its joins and the meeting's status.
  await Promise.all(
    streams.map(async (stream) => {
      for (let index = 0; index <= EACH; index++) await stream.next();
    }),
  );
  const syncMs = performance.now() - start;
  const after = await heap();
  const roundStart = performance.now();
  const round = Promise.all(streams.map((stream) => stream.next()));
  for (const { meeting, people } of meetings) meeting.startSharing(people[0]!);
  await round;
  const roundMs = performance.now() - roundStart;
  await Promise.all(streams.map((stream) => stream.return()));
  const wsTokens = fake.journal.filter((entry) => entry.operationId === "createWebSocketToken").length;

  // The client's side alone: the same number of conferences on stub sockets.
  const stubs: { stream: AsyncGenerator<MeetingEvent, void, undefined>; socket: () => StubSocket }[] = [];
  const stubFake = createMeetingFake();
  const stubClient = createMeetingClient({ baseUrl: stubFake.baseUrl, fetch: stubFake.fetch, WebSocket: StubSocket as never });
  StubSocket.opened = [];
  // Handles made before the baseline, as above: only what watching costs is counted.
  const handles = Array.from({ length: CONFERENCES }, () => stubClient.conference(stubFake.addMeeting({ hostPassword: PASSWORD }).conferenceID, { hostPassword: PASSWORD }));
  const frame = fullFrame(EACH);
  const stubBefore = await heap();
  for (const handle of handles) {
    const stream = handle.events();
    const pending = stream.next();
    const index = stubs.length;
    stubs.push({ stream, socket: () => StubSocket.opened[index]! });
    void pending;
  }
  while (StubSocket.opened.filter((socket) => socket.readyState === 1).length < CONFERENCES) await new Promise((resolve) => setTimeout(resolve, 10));
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const socket of StubSocket.opened) socket.deliver(frame);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const stubAfter = await heap();
  for (const { stream } of stubs) void stream.return();

  return {
    conferences: CONFERENCES,
    participantsEach: EACH,
    syncMs,
    bytesPerConference: (after - before) / CONFERENCES,
    clientBytesPerConference: (stubAfter - stubBefore) / CONFERENCES,
    roundMs,
    wsTokens,
    sockets,
  };
}

const rosters: RosterFigures[] = [];
for (const size of SIZES) rosters.push(await roster(size));
const watching = await fleet();

console.log("## The event channel (one process, in-process sockets)\n");
console.log(`| roster | full frame → complete roster, as joins | as one snapshot | heap per participant | CPU per incremental frame |\n|---:|---:|---:|---:|---:|`);
for (const row of rosters) {
  console.log(`| ${fmt(row.size)} | ${fmt(row.joinsMs, 1)} ms | ${fmt(row.snapshotMs, 1)} ms | ${fmt(row.bytesPerParticipant)} B | ${fmt(row.cpuPerFrameUs, 1)} µs |`);
}
console.log(
  `\n${fmt(watching.conferences)} conferences of ${watching.participantsEach} participants watched by one process on the fake: all rosters in ${fmt(watching.syncMs)} ms, ` +
    `${fmt(watching.bytesPerConference / 1024, 1)} KiB per conference (fake's side included; the client's alone: ${fmt(watching.clientBytesPerConference / 1024, 1)} KiB), ` +
    `one change in each delivered to all in ${fmt(watching.roundMs)} ms; ${fmt(watching.sockets)} sockets, ${fmt(watching.wsTokens)} WebSocket tokens.\n`,
);
// The figures reach the parent before this process exits.
if (process.send) process.send({ rosters, watching }, () => process.exit(0));
else process.exit(0);
