// huaweicloud-meeting-control/testing: a stateful fake of the meeting-control API for tests,
// validated both ways against openapi.yaml and asyncapi.yaml. Never imported by the main entries.
import { MeetingInputError } from "../errors.js";
import type { FakeChannel } from "./channel.js";
import { createClock } from "./clock.js";
import { scripted, type Fault } from "./faults.js";
import type { JournalEntry } from "./journal.js";
import { FAKE_HOST, respondToRequest, type Context } from "./respond.js";
import { serve, type FakeServer } from "./server.js";
import { socketClass, type FakeWebSocketConstructor } from "./socket.js";
import {
  addMeetingRecord,
  answerCall,
  createState,
  end,
  failCall,
  join,
  knock,
  LEFT_BY_ONESELF,
  leave,
  listed,
  online,
  present,
  refuseCall,
  ring,
  setParticipant,
  setStatus,
  startSharing,
  stopSharing,
  update,
  type CallAnswer,
  type ConferenceState,
  type MeetingRecord,
  type ParticipantState,
  type Role,
  type SettableField,
  type Settings,
  type State,
  type Status,
} from "./state.js";
import type { OperationId } from "./request-rules.js";

export type { Fault } from "./faults.js";
export type { JournalEntry } from "./journal.js";
export type { FakeServer } from "./server.js";
export type { FakeWebSocket, FakeWebSocketConstructor } from "./socket.js";
export type { OperationId } from "./request-rules.js";
export type { CallAnswer, Role } from "./state.js";
export { SpecDriftError } from "./request-rules.js";

/** Options of `createMeetingFake`. */
export interface MeetingFakeOptions {
  /** An invited participant starts sharing `shareDelayMs` after the invitation (unless it is cancelled first). Default: `false`. */
  acceptShareInvitations?: boolean;
  /** Real time between an invitation and the share it starts, in ms. Default: 20. */
  shareDelayMs?: number;
  /** Real time added before every REST answer, in ms. Default: 0. */
  latencyMs?: number;
}

/** A participant of a fake meeting, as it is now. */
export interface FakeParticipant {
  /** The `pid` that `showRealTimeInfoOfMeeting` lists, and `inviteShare` takes. */
  readonly pid: string;
  readonly name: string;
  readonly sharing: boolean;
  /** Invited to share, and not sharing yet. */
  readonly invited: boolean;
  /** The participant's number (given at joining, or the number called); "" if none. */
  readonly phone: string;
}

/**
 * One participant, driven as the meeting would after an action, so that tests can see the
 * change on the channel (`conf.waitUntil(conditions.muted(pid))`) and in `realTimeInfo()`.
 */
export interface FakeParticipantDriver {
  /**
   * Sets pinfoMap fields: `NAME` (1–96 characters), `ROLE` ("0" participant, "1" host, "2"
   * audience, "3" co-host, or another number), and "0"/"1" for `STATE` ("1" being called), `HAND`,
   * `BROADCAST`, `ROLLCALL`, `MUTE`, `VIDEO`. Only the keys that change are pushed, in one
   * incremental ParticipantsNotify. Anything else is a `MeetingInputError`.
   */
  set(fields: Partial<Record<SettableField, string>>): void;
  /**
   * The call to this participant (still `STATE` "1") fails: InviteResultNotify pushes `code` for
   * their number (default "11111003", a signalling time-out), and they leave.
   */
  failCall(code?: string): void;
}

/** Everything the fake knows of one participant, as it is now. */
export interface FakeParticipantState extends FakeParticipant {
  readonly role: Role;
  /** `meeting`, `calling` (called out, not answered yet), `waiting` (in the waiting room) or `gone`. */
  readonly place: "meeting" | "calling" | "waiting" | "gone";
  readonly mute: 0 | 1;
  readonly video: 0 | 1;
  readonly hand: 0 | 1;
  readonly broadcast: 0 | 1;
  readonly rollcall: 0 | 1;
  /** Allowed to record locally (`allowClientRecord`). */
  readonly clientRecord: 0 | 1;
  /** On the attendee list, until `deleteAttendees`. */
  readonly attendee: boolean;
}

/** A meeting of the fake, and what its participants do. A refused action throws `MeetingInputError` naming why. */
export interface FakeMeeting {
  readonly conferenceID: string;
  /**
   * A participant joins; announced on the channel. `role` default: `"participant"` (one host at a
   * time); `phone` default: none. Participants and the audience join muted, the host and co-hosts not.
   */
  join(participant: { name: string; role?: Role; phone?: string }): FakeParticipant;
  /**
   * A participant being called at `phone` (default: a made-up number): in the roster with `STATE`
   * "1" until `participant(pid).set({ STATE: "0" })` or `answerCall(pid)` answers (InviteResultNotify
   * then pushes result "0" for the number), or `participant(pid).failCall()` / `refuseCall(pid)` fails it.
   */
  callOut(participant: { name: string; phone?: string }): FakeParticipant;
  /** Drives the online participant `pid` (see `FakeParticipantDriver`). */
  participant(pid: string): FakeParticipantDriver;
  /**
   * Sets the meeting's status fields, each 0 or 1: `mute` (everyone muted), `recState` (being
   * recorded), `waitingRoomState` (waiting room on). Pushed as an incremental ConfDynamicInfoNotify
   * holding what changed. (`lock` and `lockSharing` change through `updateStartedConfConfig`.)
   */
  setStatus(fields: Partial<Status>): void;
  /** Someone knocks on the waiting room: announced as `WaitingListNotify`; `allowWaitingParticipant` admits them. */
  knock(visitor: { name: string }): FakeParticipant;
  /** The participant leaves (the meeting, the waiting room, or a call it never answered): its invitation and share end with it. */
  leave(pid: string): void;
  /** The participant starts sharing; whoever was sharing stops (one share at a time). Refused while sharing is locked, unless host or co-host. */
  startSharing(pid: string): void;
  stopSharing(pid: string): void;
  raiseHand(pid: string): void;
  lowerHand(pid: string): void;
  /** The participant unmutes their microphone. Refused when the meeting does not let participants unmute themselves (host and co-hosts always may). */
  unmute(pid: string): void;
  mute(pid: string): void;
  /**
   * What invitees do when `inviteParticipant` calls them: `"answer"`, `"refuse"` or `"ignore"`
   * (they stay "being called" until `answerCall`/`refuseCall`), for every number or for `phone`
   * only. Default: `"ignore"`.
   */
  answerCallOuts(answer: CallAnswer, options?: { phone?: string }): void;
  /** A participant being called answers: in the meeting, `InviteResultNotify` `"0"`. */
  answerCall(pid: string): void;
  /** A participant being called refuses: gone, `InviteResultNotify` with a failure code. */
  refuseCall(pid: string): void;
  /** The online participants (in the meeting or being called), as they are now. */
  readonly participants: FakeParticipant[];
  /** Who waits in the waiting room, as they are now. */
  readonly waiting: FakeParticipant[];
  /** Everything about one participant (any the fake has seen, gone included), or `undefined`. */
  details(pid: string): FakeParticipantState | undefined;
  /** The meeting-wide state besides the settings: mute, pause, mode, recording, live, audience, end time. */
  readonly conference: Readonly<ConferenceState>;
  /** The last request body of an operation that nothing else shows (views, pictures, interpretation), or `undefined`. */
  remembered(operationId: OperationId): unknown;
  /** The meeting's settings, as `updateStartedConfConfig` names them, as they are now. */
  readonly settings: Readonly<Settings>;
  /** The meeting starts (when added with `started: false`). */
  start(): void;
  /** The meeting ends: its tokens stop working, its channels hear `Destroyed` and close (1000). */
  end(): void;
}

/** The fake: its meetings, its doors (`fetch`, `WebSocket`, `listen()`), its faults, its clock and its journal. */
export interface MeetingFake {
  /** Adds a meeting. `conferenceID` default: a random 9-digit one; `started` default: `true`. */
  addMeeting(meeting: { hostPassword: string; conferenceID?: string; started?: boolean }): FakeMeeting;
  /** A WHATWG `fetch` that answers from the fake, in-process: `createMeetingClient({ baseUrl: fake.baseUrl, fetch: fake.fetch })`. */
  readonly fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** `https://meeting-fake.invalid` (never resolvable); after `listen()`, the server's `http://127.0.0.1:<port>`. */
  readonly baseUrl: string;
  /** An in-process WebSocket class with the WHATWG shape, for `createMeetingClient({ WebSocket: fake.WebSocket })`. */
  readonly WebSocket: FakeWebSocketConstructor;
  /** Every request answered, in order: `{ operationId, method, path, status, violations }`. Holds no secret. */
  readonly journal: readonly JournalEntry[];
  /** The next `times` (default 1) calls of `operationId` answer `status` (default 503), with `Retry-After` and `body` if given. */
  failNext(operationId: OperationId, fault?: Fault): void;
  /** Moves the fake's clock forward: tokens expire on it, and channels without a heart-beat for 180 s close. */
  advanceTime(ms: number): void;
  /** The fake's clock, epoch ms. */
  now(): number;
  /** Closes every open channel abnormally (1006), as a network failure does, so clients reconnect. */
  dropWebSockets(): void;
  /** Serves the fake on 127.0.0.1 (REST and the WebSocket channel), answering CORS so a page on another origin can call it. `port` default: a free one. */
  listen(options?: { port?: number }): Promise<FakeServer>;
}

const nonNegative = (field: string, value: unknown, fallback: number): number => {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new MeetingInputError(field, "must be a non-negative number of ms");
  return value;
};

/** Creates a fake of the meeting-control API with no meeting yet: add them with `addMeeting`. */
export function createMeetingFake(options: MeetingFakeOptions = {}): MeetingFake {
  if (typeof options !== "object" || options === null) throw new MeetingInputError("options", "must be an object");
  const { acceptShareInvitations = false } = options;
  if (typeof acceptShareInvitations !== "boolean") throw new MeetingInputError("acceptShareInvitations", "must be a boolean");
  const clock = createClock();
  const state: State = createState(clock);
  const channels = new Set<FakeChannel>();
  const context: Context = {
    state,
    journal: [],
    faults: new Map(),
    acceptShareInvitations,
    shareDelayMs: nonNegative("shareDelayMs", options.shareDelayMs, 20),
    latencyMs: nonNegative("latencyMs", options.latencyMs, 0),
  };
  let baseUrl = `https://${FAKE_HOST}`;

  return {
    addMeeting({ hostPassword, conferenceID, started } = {} as never) {
      return meetingHandle(state, addMeetingRecord(state, hostPassword, conferenceID, started));
    },
    fetch: async (input, init) => respondToRequest(context, new Request(input, init)),
    get baseUrl() {
      return baseUrl;
    },
    WebSocket: socketClass(state, channels, FAKE_HOST),
    journal: context.journal,
    failNext(operationId, fault) {
      const [id, script] = scripted(operationId, fault);
      context.faults.set(id, script);
    },
    advanceTime(ms) {
      clock.advance(nonNegative("ms", ms, 0));
      for (const channel of [...channels]) channel.sweep();
    },
    now: () => clock.now(),
    dropWebSockets() {
      for (const channel of [...channels]) channel.close(1006, "");
    },
    async listen({ port } = {}) {
      const server = await serve(context, channels, port);
      baseUrl = server.url;
      return server;
    },
  };
}

const CALL_ANSWERS: readonly unknown[] = ["answer", "refuse", "ignore"];

function meetingHandle(state: State, meeting: MeetingRecord): FakeMeeting {
  const view = ({ pid, name, sharing, invited, phone }: ParticipantState): FakeParticipant => ({ pid, name, sharing, invited, phone });
  const moderator = ({ role }: ParticipantState) => role === "host" || role === "cohost";
  const anyone = (pid: unknown): ParticipantState => {
    const participant = typeof pid === "string" ? meeting.participants.get(pid) : undefined;
    if (!participant || participant.place === "gone") throw new MeetingInputError("pid", "is not a participant of this meeting");
    return participant;
  };
  const calling = (pid: unknown): ParticipantState => {
    const participant = online(meeting, pid);
    if (participant.place !== "calling") throw new MeetingInputError("pid", "is not being called");
    return participant;
  };
  return {
    conferenceID: meeting.conferenceID,
    join: ({ name, role, phone } = {} as never) => view(join(state, meeting, name, role ?? "participant", phone)),
    knock: ({ name } = {} as never) => view(knock(state, meeting, name)),
    callOut: ({ name, phone = `+86${String(Math.floor(Math.random() * 1e11)).padStart(11, "0")}` } = {} as never) => view(ring(state, meeting, name, phone)),
    participant(pid) {
      online(meeting, pid);
      // Checked again at each change: the participant may have left meanwhile.
      return {
        set: (fields) => setParticipant(meeting, online(meeting, pid), fields),
        failCall: (code = "11111003") => failCall(meeting, online(meeting, pid), code),
      };
    },
    setStatus: (fields) => setStatus(meeting, fields),
    leave: (pid) => leave(meeting, anyone(pid), LEFT_BY_ONESELF),
    startSharing(pid) {
      const participant = present(meeting, pid);
      if (meeting.settings.lockSharing === 1 && !moderator(participant)) throw new MeetingInputError("startSharing()", "sharing is locked: only the host and co-hosts may share");
      startSharing(meeting, participant);
    },
    stopSharing: (pid) => stopSharing(meeting, online(meeting, pid)),
    raiseHand: (pid) => update(meeting, present(meeting, pid), { hand: 1 }),
    lowerHand: (pid) => update(meeting, present(meeting, pid), { hand: 0 }),
    unmute(pid) {
      const participant = present(meeting, pid);
      if (meeting.settings.allowUnmuteByOneself === 0 && !moderator(participant)) {
        throw new MeetingInputError("unmute()", "the meeting does not let participants unmute themselves");
      }
      update(meeting, participant, { mute: 0 });
    },
    mute: (pid) => update(meeting, present(meeting, pid), { mute: 1 }),
    answerCallOuts(answer, { phone } = {}) {
      if (!CALL_ANSWERS.includes(answer)) throw new MeetingInputError("answer", 'must be "answer", "refuse" or "ignore"');
      if (phone === undefined) {
        meeting.callAnswers.all = answer;
        meeting.callAnswers.byNumber.clear();
      } else if (typeof phone !== "string" || !phone) {
        throw new MeetingInputError("phone", "must be a non-empty string");
      } else {
        meeting.callAnswers.byNumber.set(phone, answer);
      }
    },
    answerCall: (pid) => answerCall(meeting, calling(pid)),
    refuseCall: (pid) => refuseCall(meeting, calling(pid)),
    get participants() {
      return [...meeting.participants.values()].filter(listed).map(view);
    },
    get waiting() {
      return [...meeting.participants.values()].filter(({ place }) => place === "waiting").map(view);
    },
    details(pid) {
      const participant = meeting.participants.get(pid);
      if (!participant) return undefined;
      const { name, phone, role, place, sharing, invited, mute, video, hand, broadcast, rollcall, clientRecord, attendee } = participant;
      return { pid, name, phone, role, place, sharing, invited, mute, video, hand, broadcast, rollcall, clientRecord, attendee };
    },
    get conference() {
      return { ...meeting.conference };
    },
    remembered: (operationId) => meeting.remembered.get(operationId),
    get settings() {
      return { ...meeting.settings };
    },
    start() {
      meeting.started = true;
    },
    end: () => end(meeting),
  };
}
