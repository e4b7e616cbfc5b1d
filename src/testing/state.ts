// The fake's state as small models: meetings, their participants and settings, and the tokens
// the fake has issued. Every change is announced to the meeting's listeners (the channels).
import type { components } from "../generated/schema.js";
import { MeetingInputError } from "../errors.js";
import { randomHex } from "../random-hex.js";
import type { Clock } from "./clock.js";

export type Settings = Required<components["schemas"]["UpdateStartedConfigReqBody"]>;

/** What changed, for the event channel. */
export type Change =
  | { kind: "participant"; pid: string; left?: true; fields: Partial<Record<ParticipantField, string>> }
  | { kind: "settings"; fields: Partial<Settings> }
  | { kind: "status"; fields: Partial<Status> }
  | { kind: "call"; callNumber: string; code: string }
  | { kind: "end" };

/** The meeting's status fields that no setting of `updateStartedConfConfig` holds, as ConfDynamicInfoNotify names them. */
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

export interface ParticipantState {
  pid: string;
  name: string;
  phone: string;
  online: boolean;
  sharing: boolean;
  invited: boolean;
  joinedAt: number;
  mute: 0 | 1;
  video: 0 | 1;
  hand: 0 | 1;
  /** `ROLE`: "0" participant, "1" host, "2" audience (or any value a test sets). */
  role: string;
  /** `STATE`: "0" in the meeting, "1" being called. */
  callState: string;
  broadcast: "0" | "1";
  rollCall: "0" | "1";
}

export interface MeetingRecord {
  conferenceID: string;
  hostPassword: string;
  started: boolean;
  ended: boolean;
  participants: Map<string, ParticipantState>;
  settings: Settings;
  status: Status;
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
    status: { mute: 0, recState: 0, waitingRoomState: 0 },
    version: 0,
    listeners: new Set(),
  };
  state.meetings.set(id, meeting);
  return meeting;
}

const announce = (meeting: MeetingRecord, change: Change) => {
  for (const listener of [...meeting.listeners]) listener(change);
};

/** A participant's fields as the channel's `pinfoMap` has them. */
export const pinfo = (participant: ParticipantState): Record<ParticipantField, string> => ({
  NAME: participant.name,
  TEL: participant.phone,
  ROLE: participant.role,
  STATE: participant.callState,
  HAND: String(participant.hand),
  BROADCAST: participant.broadcast,
  ROLLCALL: participant.rollCall,
  SHARE: participant.sharing ? "1" : "0",
  ADDTIME: String(participant.joinedAt),
  MUTE: String(participant.mute),
  VIDEO: String(participant.video),
});

/**
 * A participant joins; with `called`, they are being called at that number (`STATE` "1") until
 * a test sets `STATE` "0" (the call succeeds) or fails the call.
 */
export function join(state: State, meeting: MeetingRecord, name: unknown, called?: { phone: unknown }): ParticipantState {
  if (typeof name !== "string" || !name) throw new MeetingInputError("name", "must be a non-empty string");
  if (called && (typeof called.phone !== "string" || !/^\+?\d{3,32}$/.test(called.phone)))
    throw new MeetingInputError("phone", "must be a number of 3 to 32 digits, + first if international");
  if (meeting.ended) throw new MeetingInputError("join()", "the meeting has ended");
  const participant: ParticipantState = {
    pid: fakeId(),
    name,
    phone: called ? (called.phone as string) : "",
    online: true,
    sharing: false,
    invited: false,
    joinedAt: state.clock.now(),
    mute: 1,
    video: 0,
    hand: 0,
    role: "0",
    callState: called ? "1" : "0",
    broadcast: "0",
    rollCall: "0",
  };
  meeting.participants.set(participant.pid, participant);
  announce(meeting, { kind: "participant", pid: participant.pid, fields: pinfo(participant) });
  return participant;
}

/** The online participant `pid`, or the error that names it. */
export function online(meeting: MeetingRecord, pid: unknown): ParticipantState {
  const participant = typeof pid === "string" ? meeting.participants.get(pid) : undefined;
  if (!participant?.online) throw new MeetingInputError("pid", "is not an online participant of this meeting");
  return participant;
}

export function leave(meeting: MeetingRecord, participant: ParticipantState): void {
  participant.online = false;
  participant.invited = false;
  participant.sharing = false;
  announce(meeting, { kind: "participant", pid: participant.pid, left: true, fields: {} });
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

/** The call to a participant being called fails with the vendor's `code`: InviteResultNotify says so, and they are gone. */
export function failCall(meeting: MeetingRecord, participant: ParticipantState, code: unknown): void {
  if (participant.callState !== "1") throw new MeetingInputError("failCall()", "the participant is not being called");
  if (typeof code !== "string" || !/^[1-9]\d{0,9}$/.test(code)) throw new MeetingInputError("code", "must be the vendor's non-zero result code, as a string of digits");
  announce(meeting, { kind: "call", callNumber: participant.phone, code });
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

/** Sets a participant's pinfoMap fields, as the meeting would after an action; announces only what changed. */
export function setParticipant(meeting: MeetingRecord, participant: ParticipantState, fields: unknown): void {
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) throw new MeetingInputError("fields", "must be an object of pinfoMap keys");
  for (const [key, value] of Object.entries(fields)) {
    const rule = Object.hasOwn(SETTABLE, key) ? SETTABLE[key as SettableField] : undefined;
    if (!rule) throw new MeetingInputError(`fields.${key}`, `is not one of ${Object.keys(SETTABLE).join(", ")}`);
    if (typeof value !== "string" || !rule.test(value)) throw new MeetingInputError(`fields.${key}`, `must be a string matching ${rule}`);
  }
  const given = fields as Partial<Record<SettableField, string>>;
  const before = pinfo(participant);
  if (given.NAME !== undefined) participant.name = given.NAME;
  if (given.ROLE !== undefined) participant.role = given.ROLE;
  if (given.STATE !== undefined) participant.callState = given.STATE;
  if (given.HAND !== undefined) participant.hand = given.HAND === "1" ? 1 : 0;
  if (given.BROADCAST !== undefined) participant.broadcast = given.BROADCAST === "1" ? "1" : "0";
  if (given.ROLLCALL !== undefined) participant.rollCall = given.ROLLCALL === "1" ? "1" : "0";
  if (given.MUTE !== undefined) participant.mute = given.MUTE === "1" ? 1 : 0;
  if (given.VIDEO !== undefined) participant.video = given.VIDEO === "1" ? 1 : 0;
  const after = pinfo(participant);
  const changed = Object.fromEntries(Object.entries(after).filter(([key, value]) => before[key as ParticipantField] !== value));
  if (Object.keys(changed).length > 0) announce(meeting, { kind: "participant", pid: participant.pid, fields: changed });
  // A call answered: InviteResultNotify reports the number's success.
  if (before.STATE === "1" && after.STATE === "0" && participant.phone) announce(meeting, { kind: "call", callNumber: participant.phone, code: "0" });
}

/** Sets the meeting's status fields (`mute`, `recState`, `waitingRoomState`); announces only what changed. */
export function setStatus(meeting: MeetingRecord, fields: unknown): void {
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) throw new MeetingInputError("fields", "must be an object");
  for (const [key, value] of Object.entries(fields)) {
    if (!Object.hasOwn(meeting.status, key)) throw new MeetingInputError(`fields.${key}`, `is not one of ${Object.keys(meeting.status).join(", ")}`);
    if (value !== 0 && value !== 1) throw new MeetingInputError(`fields.${key}`, "must be 0 or 1");
  }
  const changed = Object.fromEntries(Object.entries(fields).filter(([key, value]) => meeting.status[key as keyof Status] !== value));
  Object.assign(meeting.status, fields);
  if (Object.keys(changed).length > 0) announce(meeting, { kind: "status", fields: changed });
}

export function changeSettings(meeting: MeetingRecord, fields: Partial<Settings>): void {
  const changed = Object.fromEntries(Object.entries(fields).filter(([key, value]) => meeting.settings[key as keyof Settings] !== value));
  Object.assign(meeting.settings, fields);
  if (Object.keys(changed).length > 0) announce(meeting, { kind: "settings", fields: changed });
}

/** Ends the meeting: its tokens stop working, its channels hear `Destroyed` and close. */
export function end(meeting: MeetingRecord): void {
  if (meeting.ended) return;
  meeting.ended = true;
  for (const participant of meeting.participants.values()) {
    participant.online = false;
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
