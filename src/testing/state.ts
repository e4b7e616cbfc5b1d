// The fake's state as small models: meetings, their participants, waiting room and settings,
// and the tokens the fake has issued. Every change is announced to the meeting's listeners
// (the channels) in the shape the channel publishes it.
import type { components } from "../generated/schema.js";
import { MeetingInputError } from "../errors.js";
import { randomHex } from "../random-hex.js";
import type { Clock } from "./clock.js";

export type Settings = Required<components["schemas"]["UpdateStartedConfigReqBody"]>;
type ConfDynamicInfo = import("../generated/events.js").components["schemas"]["ConfDynamicInfo"];

/** What changed, for the event channel. */
export type Change =
  | { kind: "participant"; pid: string; left?: true; fields: Partial<Record<ParticipantField, string>> }
  | { kind: "conference"; fields: ConfDynamicInfo }
  | { kind: "waiting"; pid: string; name: string; left?: true }
  | { kind: "invite"; callNumber: string; resultCode: string }
  | { kind: "end" };

/** The meeting's status fields a test may set directly (`setStatus`), as ConfDynamicInfoNotify names them. */
export interface Status {
  /** Everyone muted (and muted on joining). */
  mute: 0 | 1;
  /** Being recorded. */
  recState: 0 | 1;
  /** The waiting room is on. */
  waitingRoomState: 0 | 1;
}

/** The pinfoMap keys a test may set directly (SHARE goes through startSharing/stopSharing; TEL and ADDTIME are fixed at joining). */
export type SettableField = "NAME" | "ROLE" | "STATE" | "HAND" | "BROADCAST" | "ROLLCALL" | "MUTE" | "VIDEO";

export type ParticipantField = "NAME" | "TEL" | "ROLE" | "STATE" | "HAND" | "BROADCAST" | "ROLLCALL" | "SHARE" | "ADDTIME" | "MUTE" | "VIDEO";

/** A participant's role: the host (chair), a co-host, a participant or the audience of a webinar. */
export type Role = "host" | "cohost" | "participant" | "audience";
/** Where a participant is: in the meeting, being called, in the waiting room, or gone. */
export type Place = "meeting" | "calling" | "waiting" | "gone";
/** What an invitee does when called (`inviteParticipant`). */
export type CallAnswer = "answer" | "refuse" | "ignore";

export interface ParticipantState {
  pid: string;
  name: string;
  phone: string;
  place: Place;
  role: Role;
  /** A `ROLE` code a test set that is none of the four roles; shown instead of the role's own. */
  otherRole?: string;
  sharing: boolean;
  invited: boolean;
  joinedAt: number;
  mute: 0 | 1;
  video: 0 | 1;
  hand: 0 | 1;
  broadcast: 0 | 1;
  rollcall: 0 | 1;
  clientRecord: 0 | 1;
  /** On the attendee list (joined, called or admitted), until `deleteAttendees`. */
  attendee: boolean;
}

/** The meeting-wide state that `ConfDynamicInfoNotify` publishes besides the settings. */
export interface ConferenceState {
  /** Everyone muted by the host (`muteMeeting`). */
  mute: 0 | 1;
  pause: 0 | 1;
  mode: "FREE" | "FIXED" | "ROLLCALL" | "BROADCAST";
  /** 0 not recording, 1 recording, 2 paused (cloud `record` and MMR `setMmrRecord` alike). */
  recState: 0 | 1 | 2;
  liveState: 0 | 1;
  allowAudience: 0 | 1;
  /** The waiting room is on (set by a test with `setStatus`). */
  waitingRoomState: 0 | 1;
  /** When the meeting is due to end, epoch ms on the fake's clock. */
  endTime: number;
  /** `prolongMeeting` with `auto: 1`: the meeting extends itself. */
  autoProlong: 0 | 1;
}

export interface MeetingRecord {
  conferenceID: string;
  hostPassword: string;
  started: boolean;
  ended: boolean;
  /** Everyone who was ever in the meeting, its waiting room or called into it, by pid. */
  participants: Map<string, ParticipantState>;
  settings: Settings;
  conference: ConferenceState;
  /** What an invitee does when called: one rule for every number, or one per number. */
  callAnswers: { all: CallAnswer; byNumber: Map<string, CallAnswer> };
  /** Saved layouts (`saveLayout`), by uuid. */
  layouts: Map<string, components["schemas"]["RestPicLayout"]>;
  /** The last request body of operations whose effect nothing else shows (views, pictures, interpretation). */
  remembered: Map<string, unknown>;
  /** The last incremental message's sequence number, for `version`. */
  version: number;
  listeners: Set<(change: Change) => void>;
}

export interface Grant {
  conferenceID: string;
  expiresAt: number;
}

export interface State {
  clock: Clock;
  meetings: Map<string, MeetingRecord>;
  /** Meeting-control tokens, valid 30 minutes on the fake's clock. */
  tokens: Map<string, Grant>;
  /** WebSocket tokens, valid one minute and once. */
  wsTokens: Map<string, Grant>;
}

export const TOKEN_LIFETIME_MS = 30 * 60_000;
export const WS_TOKEN_LIFETIME_MS = 60_000;
/** A fake meeting lasts two hours from when it is added, unless prolonged. */
const MEETING_LENGTH_MS = 2 * 60 * 60_000;

/** A random ID in the shape of the vendor's (32 hex characters, like a pid), with a prefix that says it is fake. */
export const fakeId = (prefix = "") => prefix + randomHex(32);

export function createState(clock: Clock): State {
  return { clock, meetings: new Map(), tokens: new Map(), wsTokens: new Map() };
}

export function addMeetingRecord(state: State, hostPassword: unknown, conferenceID: unknown, started: unknown): MeetingRecord {
  if (typeof hostPassword !== "string" || !hostPassword) throw new MeetingInputError("hostPassword", "must be a non-empty string");
  if (conferenceID !== undefined && (typeof conferenceID !== "string" || !conferenceID)) {
    throw new MeetingInputError("conferenceID", "must be a non-empty string");
  }
  if (started !== undefined && typeof started !== "boolean") throw new MeetingInputError("started", "must be a boolean");
  const id = conferenceID ?? String(900_000_000 + Math.floor(Math.random() * 99_999_999));
  if (state.meetings.has(id)) throw new MeetingInputError("conferenceID", "is already a meeting of this fake");
  const meeting: MeetingRecord = {
    conferenceID: id,
    hostPassword,
    started: started ?? true,
    ended: false,
    participants: new Map(),
    settings: {
      lockSharing: 0,
      freeShare: 0,
      isLock: 0,
      callInRestriction: 0,
      audienceCallInRestriction: 0,
      allowUnmuteByOneself: 1,
      chatPermission: 4,
      allowOpenCamera: 1,
      allowRename: 1,
      clientRecMode: 0,
    },
    conference: {
      mute: 0,
      pause: 0,
      mode: "FREE",
      recState: 0,
      liveState: 0,
      allowAudience: 0,
      waitingRoomState: 0,
      endTime: state.clock.now() + MEETING_LENGTH_MS,
      autoProlong: 0,
    },
    callAnswers: { all: "ignore", byNumber: new Map() },
    layouts: new Map(),
    remembered: new Map(),
    version: 0,
    listeners: new Set(),
  };
  state.meetings.set(id, meeting);
  return meeting;
}

export const announce = (meeting: MeetingRecord, change: Change) => {
  for (const listener of [...meeting.listeners]) listener(change);
};

const ROLES: Record<Role, string> = { host: "1", participant: "0", audience: "2", cohost: "3" };

/** A participant's fields as the channel's `pinfoMap` has them. */
export const pinfo = (participant: ParticipantState): Record<ParticipantField, string> => ({
  NAME: participant.name,
  TEL: participant.phone,
  ROLE: participant.otherRole ?? ROLES[participant.role],
  STATE: participant.place === "calling" ? "1" : "0",
  HAND: String(participant.hand),
  BROADCAST: String(participant.broadcast),
  ROLLCALL: String(participant.rollcall),
  SHARE: participant.sharing ? "1" : "0",
  ADDTIME: String(participant.joinedAt),
  MUTE: String(participant.mute),
  VIDEO: String(participant.video),
});

/** In the roster: in the meeting or being called (what `showRealTimeInfoOfMeeting` lists). */
export const listed = (participant: ParticipantState) => participant.place === "meeting" || participant.place === "calling";

/** The meeting's state as ConfDynamicInfoNotify carries it; `settings` only the settings given. */
export function dynamic(meeting: MeetingRecord, settings: Partial<Settings> = meeting.settings): ConfDynamicInfo {
  const out: ConfDynamicInfo = {};
  if (settings.lockSharing !== undefined) out.lockSharing = settings.lockSharing;
  if (settings.isLock !== undefined) out.lock = settings.isLock;
  if (settings.allowUnmuteByOneself !== undefined) out.canUnmute = settings.allowUnmuteByOneself;
  if (settings.callInRestriction !== undefined) out.callInRestriction = settings.callInRestriction;
  return out;
}

/** Every meeting-wide field, for a full ConfDynamicInfoNotify. */
export function conferenceInfo(meeting: MeetingRecord): ConfDynamicInfo {
  const { mute, pause, mode, recState, liveState, allowAudience, waitingRoomState, endTime } = meeting.conference;
  return { state: "Created", mode, mute, pause, recState, liveState, allowAudience, waitingRoomState, endTime: String(endTime), ...dynamic(meeting) };
}

/** Changes participant fields and announces the ones that changed, as pinfoMap keys. */
export function update(meeting: MeetingRecord, participant: ParticipantState, fields: Partial<ParticipantState>): void {
  const before = pinfo(participant);
  Object.assign(participant, fields);
  const after = pinfo(participant);
  const changed = Object.fromEntries(Object.entries(after).filter(([key, value]) => before[key as ParticipantField] !== value));
  if (Object.keys(changed).length > 0) announce(meeting, { kind: "participant", pid: participant.pid, fields: changed });
}

/** Changes meeting-wide fields and announces the ones that changed. */
export function updateConference(meeting: MeetingRecord, fields: Partial<ConferenceState>): void {
  const before = conferenceInfo(meeting);
  Object.assign(meeting.conference, fields);
  announceConference(meeting, before);
}

function announceConference(meeting: MeetingRecord, before: ConfDynamicInfo): void {
  const after = conferenceInfo(meeting) as Record<string, unknown>;
  const changed = Object.fromEntries(Object.entries(after).filter(([key, value]) => (before as Record<string, unknown>)[key] !== value));
  if (Object.keys(changed).length > 0) announce(meeting, { kind: "conference", fields: changed });
}

function newParticipant(state: State, name: string, phone: string, role: Role, place: Place): ParticipantState {
  return {
    pid: fakeId(),
    name,
    phone,
    place,
    role,
    sharing: false,
    invited: false,
    joinedAt: state.clock.now(),
    mute: 1,
    video: 0,
    hand: 0,
    broadcast: 0,
    rollcall: 0,
    clientRecord: 0,
    attendee: place !== "waiting",
  };
}

const text = (field: string, value: unknown, optional = false): string => {
  if (optional && value === undefined) return "";
  if (typeof value !== "string" || !value) throw new MeetingInputError(field, "must be a non-empty string");
  return value;
};

export function join(state: State, meeting: MeetingRecord, name: unknown, role: unknown = "participant", phone?: unknown): ParticipantState {
  const checked = text("name", name);
  if (phone !== undefined && (typeof phone !== "string" || !/^\+?\d{3,32}$/.test(phone))) {
    throw new MeetingInputError("phone", "must be a number of 3 to 32 digits, + first if international");
  }
  if (meeting.ended) throw new MeetingInputError("join()", "the meeting has ended");
  if (role !== "host" && role !== "cohost" && role !== "participant" && role !== "audience") {
    throw new MeetingInputError("role", 'must be "host", "cohost", "participant" or "audience"');
  }
  if (role === "host" && [...meeting.participants.values()].some((other) => listed(other) && other.role === "host")) {
    throw new MeetingInputError("role", "the meeting has a host already");
  }
  const participant = newParticipant(state, checked, text("phone", phone, true), role, "meeting");
  // Those who join a meeting muted by the host join muted; the host and co-hosts as they like.
  participant.mute = role === "host" || role === "cohost" ? 0 : 1;
  meeting.participants.set(participant.pid, participant);
  announce(meeting, { kind: "participant", pid: participant.pid, fields: pinfo(participant) });
  return participant;
}

/** Someone knocks: they wait in the waiting room until the host admits them. */
export function knock(state: State, meeting: MeetingRecord, name: unknown): ParticipantState {
  const checked = text("name", name);
  if (meeting.ended) throw new MeetingInputError("knock()", "the meeting has ended");
  const participant = newParticipant(state, checked, "", "participant", "waiting");
  meeting.participants.set(participant.pid, participant);
  enterWaitingRoom(meeting, participant);
  return participant;
}

/** A listed participant (in the meeting or being called), or the error that names it. */
export function online(meeting: MeetingRecord, pid: unknown): ParticipantState {
  const participant = typeof pid === "string" ? meeting.participants.get(pid) : undefined;
  if (!participant || !listed(participant)) throw new MeetingInputError("pid", "is not an online participant of this meeting");
  return participant;
}

/** A participant in the meeting (not being called), or the error that names it. */
export function present(meeting: MeetingRecord, pid: unknown): ParticipantState {
  const participant = online(meeting, pid);
  if (participant.place !== "meeting") throw new MeetingInputError("pid", "is being called, not in the meeting yet");
  return participant;
}

/** The participant leaves the meeting (or the waiting room, or a call it never answered). */
export function leave(meeting: MeetingRecord, participant: ParticipantState, reason?: string): void {
  if (participant.place === "gone") return;
  const from = participant.place;
  participant.place = "gone";
  participant.invited = false;
  participant.sharing = false;
  if (from === "waiting") {
    announce(meeting, { kind: "waiting", pid: participant.pid, name: participant.name, left: true });
    return;
  }
  announce(meeting, { kind: "participant", pid: participant.pid, left: true, fields: {} });
  if (reason !== undefined && participant.phone) announce(meeting, { kind: "invite", callNumber: participant.phone, resultCode: reason });
  if (participant.broadcast === 1 || participant.rollcall === 1) {
    participant.broadcast = 0;
    participant.rollcall = 0;
    updateConference(meeting, { mode: "FREE" });
  }
}

function enterWaitingRoom(meeting: MeetingRecord, participant: ParticipantState): void {
  participant.place = "waiting";
  announce(meeting, { kind: "waiting", pid: participant.pid, name: participant.name });
}

/** The host moves a participant from the meeting to the waiting room. */
export function moveToWaitingRoom(meeting: MeetingRecord, participant: ParticipantState): void {
  leave(meeting, participant);
  participant.hand = 0;
  participant.broadcast = 0;
  participant.rollcall = 0;
  enterWaitingRoom(meeting, participant);
}

/** The host admits someone from the waiting room: they join as a participant. */
export function admit(state: State, meeting: MeetingRecord, participant: ParticipantState): void {
  participant.place = "meeting";
  participant.attendee = true;
  participant.joinedAt = state.clock.now();
  participant.mute = meeting.conference.mute === 1 ? 1 : participant.mute;
  if (participant.role === "host") participant.role = "participant";
  announce(meeting, { kind: "waiting", pid: participant.pid, name: participant.name, left: true });
  announce(meeting, { kind: "participant", pid: participant.pid, fields: pinfo(participant) });
}

/** The host calls `attendee` out (`inviteParticipant`): they are listed as being called until they answer. */
export function callOut(state: State, meeting: MeetingRecord, attendee: { name: string; phone: string; role?: 0 | 1 }): ParticipantState {
  const participant = newParticipant(state, attendee.name, attendee.phone, attendee.role === 1 ? "host" : "participant", "calling");
  if (participant.role === "host" && [...meeting.participants.values()].some((other) => listed(other) && other.role === "host")) participant.role = "participant";
  meeting.participants.set(participant.pid, participant);
  announce(meeting, { kind: "participant", pid: participant.pid, fields: pinfo(participant) });
  const answer = meeting.callAnswers.byNumber.get(attendee.phone) ?? meeting.callAnswers.all;
  if (answer === "answer") answerCall(meeting, participant);
  if (answer === "refuse") refuseCall(meeting, participant);
  return participant;
}

/** The result code `InviteResultNotify` carries for a call that was answered. */
export const CALL_ANSWERED = "0";
/** The fake's result code for a refused call; the vendor says only "other values: call failed". */
export const CALL_REFUSED = "1";
/** The vendor's leave reasons (page meeting_21_1518). */
export const LEFT_BY_HOST = "11076002";
export const LEFT_BY_ONESELF = "11076010";

export function answerCall(meeting: MeetingRecord, participant: ParticipantState): void {
  update(meeting, participant, { place: "meeting", mute: meeting.conference.mute === 1 && participant.role !== "host" ? 1 : participant.mute });
  announce(meeting, { kind: "invite", callNumber: participant.phone, resultCode: CALL_ANSWERED });
}

export function refuseCall(meeting: MeetingRecord, participant: ParticipantState): void {
  leave(meeting, participant);
  announce(meeting, { kind: "invite", callNumber: participant.phone, resultCode: CALL_REFUSED });
}

/** Starts `participant`'s share; one share at a time, so whoever was sharing stops. */
export function startSharing(meeting: MeetingRecord, participant: ParticipantState): void {
  for (const other of meeting.participants.values()) if (other !== participant && other.sharing) stopSharing(meeting, other);
  participant.invited = false;
  if (participant.sharing) return;
  participant.sharing = true;
  announce(meeting, { kind: "participant", pid: participant.pid, fields: { SHARE: "1" } });
}

export function stopSharing(meeting: MeetingRecord, participant: ParticipantState): void {
  if (!participant.sharing) return;
  participant.sharing = false;
  announce(meeting, { kind: "participant", pid: participant.pid, fields: { SHARE: "0" } });
}

export function changeSettings(meeting: MeetingRecord, fields: Partial<Settings>): void {
  const before = conferenceInfo(meeting);
  Object.assign(meeting.settings, fields);
  announceConference(meeting, before);
}

/** Ends the meeting: its tokens stop working, its channels hear `Destroyed` and close. */
export function end(meeting: MeetingRecord): void {
  if (meeting.ended) return;
  meeting.ended = true;
  for (const participant of meeting.participants.values()) {
    participant.place = "gone";
    participant.sharing = false;
    participant.invited = false;
  }
  announce(meeting, { kind: "end" });
}

export function issue(tokens: Map<string, Grant>, prefix: string, conferenceID: string, expiresAt: number, now: number): string {
  // Expired grants go as new ones come, so a long-running fake does not grow without bound.
  for (const [old, grant] of tokens) if (grant.expiresAt <= now) tokens.delete(old);
  const token = fakeId(prefix);
  tokens.set(token, { conferenceID, expiresAt });
  return token;
}

/** The grant of `token` for `conferenceID` if it is still valid. */
export function valid(state: State, tokens: Map<string, Grant>, token: unknown, conferenceID: string): Grant | undefined {
  const grant = typeof token === "string" ? tokens.get(token) : undefined;
  return grant && grant.conferenceID === conferenceID && state.clock.now() < grant.expiresAt ? grant : undefined;
}

/** A test calls someone out directly: being called at `phone` (`STATE` "1") until a test answers or fails the call. */
export function ring(state: State, meeting: MeetingRecord, name: unknown, phone: unknown): ParticipantState {
  const checked = text("name", name);
  if (typeof phone !== "string" || !/^\+?\d{3,32}$/.test(phone)) throw new MeetingInputError("phone", "must be a number of 3 to 32 digits, + first if international");
  if (meeting.ended) throw new MeetingInputError("callOut()", "the meeting has ended");
  const participant = newParticipant(state, checked, phone, "participant", "calling");
  meeting.participants.set(participant.pid, participant);
  announce(meeting, { kind: "participant", pid: participant.pid, fields: pinfo(participant) });
  return participant;
}

/** The call to a participant being called fails with the vendor's `code`: InviteResultNotify says so, and they are gone. */
export function failCall(meeting: MeetingRecord, participant: ParticipantState, code: unknown): void {
  if (participant.place !== "calling") throw new MeetingInputError("failCall()", "the participant is not being called");
  if (typeof code !== "string" || !/^[1-9]\d{0,9}$/.test(code)) throw new MeetingInputError("code", "must be the vendor's non-zero result code, as a string of digits");
  announce(meeting, { kind: "invite", callNumber: participant.phone, resultCode: code });
  leave(meeting, participant);
}

const SETTABLE: Record<SettableField, RegExp> = {
  NAME: /^.{1,96}$/su,
  ROLE: /^\d{1,2}$/,
  STATE: /^[01]$/,
  HAND: /^[01]$/,
  BROADCAST: /^[01]$/,
  ROLLCALL: /^[01]$/,
  MUTE: /^[01]$/,
  VIDEO: /^[01]$/,
};
const ROLE_OF: Record<string, Role> = Object.fromEntries(Object.entries(ROLES).map(([role, code]) => [code, role as Role]));

/** Sets a participant's pinfoMap fields, as the meeting would after an action; announces only what changed, in one push. */
export function setParticipant(meeting: MeetingRecord, participant: ParticipantState, fields: unknown): void {
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) throw new MeetingInputError("fields", "must be an object of pinfoMap keys");
  for (const [key, value] of Object.entries(fields)) {
    const rule = Object.hasOwn(SETTABLE, key) ? SETTABLE[key as SettableField] : undefined;
    if (!rule) throw new MeetingInputError(`fields.${key}`, `is not one of ${Object.keys(SETTABLE).join(", ")}`);
    if (typeof value !== "string" || !rule.test(value)) throw new MeetingInputError(`fields.${key}`, `must be a string matching ${rule}`);
  }
  const given = fields as Partial<Record<SettableField, string>>;
  const wasCalling = participant.place === "calling";
  const next: Partial<ParticipantState> = {};
  const flag = (value: string): 0 | 1 => (value === "1" ? 1 : 0);
  if (given.NAME !== undefined) next.name = given.NAME;
  if (given.ROLE !== undefined) {
    const role = ROLE_OF[given.ROLE];
    if (role) next.role = role;
    next.otherRole = role ? undefined : given.ROLE;
  }
  if (given.STATE !== undefined) next.place = given.STATE === "1" ? "calling" : "meeting";
  if (given.HAND !== undefined) next.hand = flag(given.HAND);
  if (given.BROADCAST !== undefined) next.broadcast = flag(given.BROADCAST);
  if (given.ROLLCALL !== undefined) next.rollcall = flag(given.ROLLCALL);
  if (given.MUTE !== undefined) next.mute = flag(given.MUTE);
  if (given.VIDEO !== undefined) next.video = flag(given.VIDEO);
  update(meeting, participant, next);
  // A call answered: InviteResultNotify reports the number's success.
  if (wasCalling && participant.place === "meeting" && participant.phone) announce(meeting, { kind: "invite", callNumber: participant.phone, resultCode: CALL_ANSWERED });
}

/** Sets the meeting's status fields (`mute`, `recState`, `waitingRoomState`); announces only what changed. */
export function setStatus(meeting: MeetingRecord, fields: unknown): void {
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) throw new MeetingInputError("fields", "must be an object");
  const keys = ["mute", "recState", "waitingRoomState"];
  for (const [key, value] of Object.entries(fields)) {
    if (!keys.includes(key)) throw new MeetingInputError(`fields.${key}`, `is not one of ${keys.join(", ")}`);
    if (value !== 0 && value !== 1) throw new MeetingInputError(`fields.${key}`, "must be 0 or 1");
  }
  updateConference(meeting, fields as Partial<Status>);
}
