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
  | { kind: "end" };

type ParticipantField = "NAME" | "TEL" | "ROLE" | "STATE" | "HAND" | "BROADCAST" | "ROLLCALL" | "SHARE" | "ADDTIME" | "MUTE" | "VIDEO";

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
}

export interface MeetingRecord {
  conferenceID: string;
  hostPassword: string;
  started: boolean;
  ended: boolean;
  participants: Map<string, ParticipantState>;
  settings: Settings;
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
  ROLE: "0",
  STATE: "0",
  HAND: String(participant.hand),
  BROADCAST: "0",
  ROLLCALL: "0",
  SHARE: participant.sharing ? "1" : "0",
  ADDTIME: String(participant.joinedAt),
  MUTE: String(participant.mute),
  VIDEO: String(participant.video),
});

export function join(state: State, meeting: MeetingRecord, name: unknown): ParticipantState {
  if (typeof name !== "string" || !name) throw new MeetingInputError("name", "must be a non-empty string");
  if (meeting.ended) throw new MeetingInputError("join()", "the meeting has ended");
  const participant: ParticipantState = {
    pid: fakeId(),
    name,
    phone: "",
    online: true,
    sharing: false,
    invited: false,
    joinedAt: state.clock.now(),
    mute: 1,
    video: 0,
    hand: 0,
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
