// The roster: who is in the meeting and the meeting's status, merged from full and incremental
// pushes. Each push becomes the events it really causes, so a full message after a reconnect
// repeats nothing the consumer has already seen. The waiting room is read the same way, from
// WaitingListNotify. One roster per shared channel: every consumer of the conference reads it.
import type { components } from "../generated/events.js";
import type { CallResult, ConferenceState, MeetingEvent, MeetingStatus, Participant, WaitingMember } from "./types.js";

type Schemas = components["schemas"];
type Frame = Schemas["PushEnvelope"] & Record<string, unknown>;
type Change = Schemas["ParticipantChange"];
type RosterEvent = Extract<MeetingEvent, { type: "roster" }>;

/** Numbers whose last call result is kept. */
const CALL_RESULTS = 1_000;
/** People held in the waiting room, as many as a large roster: a newcomer past them is not held. */
const WAITING = 10_000;

/** The envelope of every push: not part of the meeting's status. */
const ENVELOPE = new Set(["action", "version", "createTime", "msgID", "msgMode", "confID", "data"]);

/** What one frame did to the roster. */
export interface Applied {
  /** The events it caused, one per participant for a full list. */
  events: MeetingEvent[];
  /** For a full participant list: who joined, changed and left (for a `roster` event). */
  full?: { joined: string[]; updated: string[]; left: string[] };
}

export class Roster implements ConferenceState {
  /** Online participants by `pid`; records are frozen, replaced on change. */
  readonly participants = new Map<string, Participant>();
  meeting: MeetingStatus = Object.freeze({});
  /** A full participant list has been seen: absence from the roster now means "not in the meeting". */
  synced = false;
  /** The last call result per number, oldest first. */
  readonly callResults = new Map<string, CallResult>();
  /** Who waits in the waiting room by `pid`, oldest first; records are frozen, replaced on change. */
  readonly waiting = new Map<string, WaitingMember>();
  /** A full waiting list has been seen: absence from `waiting` now means "not in the waiting room". */
  waitingSynced = false;
  /** A copy of `participants`, kept until the next change, shared by every `roster` event made meanwhile. */
  private copy?: ReadonlyMap<string, Participant>;
  /** The same for `waiting`. */
  private waitingCopy?: ReadonlyMap<string, WaitingMember>;

  /** What `frame` did; `undefined` when it cannot be read (and was skipped). */
  apply(frame: Frame): Applied | undefined {
    if (frame.action === "ParticipantsNotify") return this.participantsNotify(frame);
    if (frame.action === "ConfDynamicInfoNotify") {
      const events = this.dynamicInfo(frame);
      return events && { events };
    }
    if (frame.action === "WaitingListNotify") return this.waitingList(frame);
    // Passed on as it comes: only its results are kept, as state.
    if (frame.action === "InviteResultNotify") this.inviteResults(frame);
    return { events: [{ type: "unknown", frame }] };
  }

  /** Keeps each number's last result; the table calls the code `errorCode`, the example `resultCode`. */
  private inviteResults(frame: Frame): void {
    const data = payload(frame.data);
    const list = Array.isArray(data) ? data : [data];
    for (const result of list) {
      if (!isObject(result) || typeof result.callNumber !== "string") continue;
      const code = result.resultCode ?? result.errorCode;
      if (typeof code !== "string" && typeof code !== "number") continue;
      this.callResults.delete(result.callNumber);
      this.callResults.set(result.callNumber, Object.freeze({ code: String(code) }));
      const oldest = this.callResults.keys().next();
      if (this.callResults.size > CALL_RESULTS && !oldest.done) this.callResults.delete(oldest.value);
    }
  }

  /** The roster now, as a `roster` event: the participants copied once per change, whoever asks. */
  snapshot(reason: RosterEvent["reason"], full: Applied["full"] = { joined: [], updated: [], left: [] }): RosterEvent {
    this.copy ??= new Map(this.participants);
    this.waitingCopy ??= new Map(this.waiting);
    return { type: "roster", reason, participants: this.copy, meeting: this.meeting, waiting: this.waitingCopy, ...full };
  }

  /**
   * What a consumer joining now would have heard had it been there from the start: the roster as
   * a full list (joins from nothing), then the meeting's status, then who waits in the waiting room.
   */
  replay(): Applied[] {
    const replayed: Applied[] = [];
    if (this.synced || this.participants.size > 0) {
      const events: MeetingEvent[] = [];
      for (const [pid, participant] of this.participants) {
        events.push({ type: "participantJoined", participantID: pid, participant });
        if (participant.SHARE === "1") events.push({ type: "shareStarted", participantID: pid, participant });
      }
      const full = this.synced ? { joined: [...this.participants.keys()], updated: [], left: [] } : undefined;
      replayed.push({ events, full });
    }
    const changed = Object.keys(this.meeting);
    if (changed.length > 0) replayed.push({ events: [{ type: "meetingUpdated", meeting: this.meeting, changed }] });
    const waiting: MeetingEvent[] = [...this.waiting].map(([pid, member]) => ({ type: "waitingJoined", participantID: pid, member }));
    if (waiting.length > 0) replayed.push({ events: waiting });
    return replayed;
  }

  /**
   * A WaitingListNotify, read like ParticipantsNotify: a full list (`msgMode` 0) replaces the
   * waiting room; an incremental one adds (`mode` 0) and removes (`mode` 1). An entry without a
   * `pid`, or with a `mode` not known, is skipped, and the frame is passed on as `unknown` too.
   * The room holds `WAITING` people: a newcomer past them is not held either (the frame is
   * passed on as `unknown`), and absence from the room says nothing (it is not synced) until a
   * full list that fits. So what it holds always matches the events given, and it never takes
   * someone for gone who may still wait.
   */
  private waitingList(frame: Frame): Applied | undefined {
    const data = payload(frame.data);
    const list = Array.isArray(data) ? data : isObject(data) ? [data] : undefined;
    if (!list) return undefined;
    const entries = list.filter(
      (entry): entry is Record<string, unknown> & { pid: string } => isObject(entry) && !Array.isArray(entry) && typeof entry.pid === "string" && entry.pid !== "",
    );
    const events: MeetingEvent[] = [];
    let unknown = entries.length < list.length;
    // A newcomer found no room: not held.
    let full = false;
    if (frame.msgMode === 0) {
      const listed = entries.filter((entry) => entry.mode !== 1);
      const present = new Set(listed.map((entry) => entry.pid));
      // The room for newcomers: what those listed again leave free (the unlisted leave below).
      let room = WAITING;
      for (const pid of this.waiting.keys()) if (present.has(pid)) room--;
      for (const entry of listed) {
        if (this.waiting.has(entry.pid) || room-- > 0) this.enterWaiting(entry, events);
        else full = true;
      }
      for (const pid of [...this.waiting.keys()]) {
        if (!present.has(pid)) this.leaveWaiting(pid, events);
      }
      this.waitingSynced = !full;
    } else {
      for (const entry of entries) {
        if (entry.mode === 1) this.leaveWaiting(entry.pid, events);
        else if (entry.mode !== 0 && entry.mode !== undefined) unknown = true;
        else if (this.waiting.has(entry.pid) || this.waiting.size < WAITING) this.enterWaiting(entry, events);
        else full = true;
      }
      if (full) this.waitingSynced = false;
    }
    if (unknown || full) events.push({ type: "unknown", frame });
    return { events };
  }

  private enterWaiting(entry: Record<string, unknown> & { pid: string }, events: MeetingEvent[]): void {
    const { pid } = entry;
    // `mode` says what happened, not who they are; a `name` not a string becomes its JSON text.
    const fields = Object.entries(entry)
      .filter(([key]) => key !== "mode")
      .map(([key, value]) => [key, key === "name" && typeof value !== "string" ? JSON.stringify(value) : value]);
    const member = Object.freeze(Object.fromEntries(fields)) as WaitingMember;
    const old = this.waiting.get(pid);
    if (old && differences(old, member).length === 0) return;
    this.waiting.set(pid, member);
    this.waitingCopy = undefined;
    if (old) return;
    events.push({ type: "waitingJoined", participantID: pid, member });
  }

  private leaveWaiting(pid: string, events: MeetingEvent[]): void {
    const member = this.waiting.get(pid);
    if (!member) return;
    this.waiting.delete(pid);
    this.waitingCopy = undefined;
    events.push({ type: "waitingLeft", participantID: pid, member });
  }

  private participantsNotify(frame: Frame): Applied | undefined {
    // An array of changes, as documented; a lone change object is read as a list of one.
    const data = payload(frame.data);
    const list = Array.isArray(data) ? data : isObject(data) ? [data] : undefined;
    if (!list) return undefined;
    const changes = list.filter((change): change is Change => isObject(change) && typeof change.pid === "string" && change.pid !== "");
    const events: MeetingEvent[] = [];
    let unknown = changes.length < list.length;
    let full: Applied["full"];
    if (frame.msgMode === 0) {
      // Full state: whoever is listed (and not as leaving) is here, with exactly these keys.
      full = { joined: [], updated: [], left: [] };
      const present = new Set<string>();
      for (const { pid, mode, pinfoMap } of changes) {
        if (mode === 1) continue;
        present.add(pid);
        const what = this.upsert(pid, pinfoMap, true, events);
        if (what === "joined") full.joined.push(pid);
        else if (what === "updated") full.updated.push(pid);
      }
      for (const pid of [...this.participants.keys()]) {
        if (present.has(pid)) continue;
        this.remove(pid, events);
        full.left.push(pid);
      }
      this.synced = true;
    } else {
      // Incremental, and any other msgMode: a delta can only add to what is known.
      for (const { pid, mode, pinfoMap } of changes) {
        if (mode === 1) this.remove(pid, events);
        else if (mode === 0 || mode === undefined) this.upsert(pid, pinfoMap, false, events);
        else unknown = true;
      }
    }
    if (unknown) events.push({ type: "unknown", frame });
    return { events, full };
  }

  private upsert(pid: string, info: unknown, replace: boolean, events: MeetingEvent[]): "joined" | "updated" | undefined {
    const old = this.participants.get(pid);
    const given = strings(info);
    const participant: Participant = Object.freeze(replace || !old ? given : { ...old, ...given });
    if (!old) {
      this.set(pid, participant);
      events.push({ type: "participantJoined", participantID: pid, participant });
      if (participant.SHARE === "1") events.push({ type: "shareStarted", participantID: pid, participant });
      return "joined";
    }
    const changed = differences(old, participant);
    if (changed.length === 0) return undefined;
    this.set(pid, participant);
    events.push({ type: "participantUpdated", participantID: pid, participant, changed });
    if ((old.SHARE === "1") !== (participant.SHARE === "1")) {
      events.push({ type: participant.SHARE === "1" ? "shareStarted" : "shareStopped", participantID: pid, participant });
    }
    return "updated";
  }

  private set(pid: string, participant: Participant): void {
    this.participants.set(pid, participant);
    this.copy = undefined;
  }

  private remove(pid: string, events: MeetingEvent[]): void {
    const participant = this.participants.get(pid);
    if (!participant) return;
    this.participants.delete(pid);
    this.copy = undefined;
    if (participant.SHARE === "1") events.push({ type: "shareStopped", participantID: pid, participant });
    events.push({ type: "participantLeft", participantID: pid, participant });
  }

  /** The vendor puts the state on the frame itself; `data` (an object or its JSON text) is read too. */
  private dynamicInfo(frame: Frame): MeetingEvent[] | undefined {
    const inner = frame.data === undefined ? {} : payload(frame.data);
    if (!isObject(inner) || Array.isArray(inner)) return undefined;
    const fields = Object.fromEntries(Object.entries(frame).filter(([key]) => !ENVELOPE.has(key)));
    const meeting: MeetingStatus = Object.freeze({ ...this.meeting, ...fields, ...inner });
    const changed = differences(this.meeting, meeting);
    if (changed.length === 0) return [];
    this.meeting = meeting;
    return [{ type: "meetingUpdated", meeting, changed }];
  }
}

/** `data` as JSON: parsed when it is a string (the vendor sends both forms); `undefined` when that fails. */
export function payload(data: unknown): unknown {
  if (typeof data !== "string") return data;
  try {
    return JSON.parse(data);
  } catch {
    // Not JSON: no payload.
  }
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** A `pinfoMap` as string → string; a value of another type becomes its JSON text, so nothing is lost. */
function strings(info: unknown): Record<string, string> {
  if (!isObject(info) || Array.isArray(info)) return {};
  // fromEntries defines own properties: a "__proto__" key stays a key.
  return Object.fromEntries(Object.entries(info).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]));
}

/** Keys whose values differ between two records (compared as JSON, since meeting fields may be objects). */
function differences(old: object, next: object): string[] {
  const a = old as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  // Stryker disable next-line ConditionalExpression: the identity check only spares the JSON of equal values, which is equal too.
  return [...keys].filter((key) => a[key] !== b[key] && JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}
