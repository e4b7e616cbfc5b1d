// The roster: who is in the meeting and the meeting's state, merged from full and incremental
// pushes. Each push becomes the events it really causes, so a full message after a reconnect
// repeats nothing the consumer has already seen.
import type { components } from "../generated/events.js";
import type { MeetingEvent, MeetingState, Participant } from "./types.js";

type Schemas = components["schemas"];
type Frame = Schemas["PushEnvelope"] & Record<string, unknown>;
type Change = Schemas["ParticipantChange"];

/** The envelope of every push: not part of the meeting's state. */
const ENVELOPE = new Set(["action", "version", "createTime", "msgID", "msgMode", "confID", "data"]);

export class Roster {
  /** Online participants by `pid`; records are frozen, replaced on change. */
  readonly participants = new Map<string, Participant>();
  meeting: MeetingState = Object.freeze({});
  /** A full participant list has been seen: absence from the roster now means "not in the meeting". */
  synced = false;

  /** The events `frame` causes; `undefined` when it cannot be read (and was skipped). */
  apply(frame: Frame): MeetingEvent[] | undefined {
    if (frame.action === "ParticipantsNotify") return this.participantsNotify(frame);
    if (frame.action === "ConfDynamicInfoNotify") return this.dynamicInfo(frame);
    return [{ type: "unknown", frame }];
  }

  private participantsNotify(frame: Frame): MeetingEvent[] | undefined {
    // An array of changes, as documented; a lone change object is read as a list of one.
    const data = payload(frame.data);
    const list = Array.isArray(data) ? data : isObject(data) ? [data] : undefined;
    if (!list) return undefined;
    const changes = list.filter((change): change is Change => isObject(change) && typeof change.pid === "string" && change.pid !== "");
    const events: MeetingEvent[] = [];
    let unknown = changes.length < list.length;
    if (frame.msgMode === 0) {
      // Full state: whoever is listed (and not as leaving) is here, with exactly these keys.
      const present = new Set<string>();
      for (const { pid, mode, pinfoMap } of changes) {
        if (mode === 1) continue;
        present.add(pid);
        this.upsert(pid, pinfoMap, true, events);
      }
      for (const pid of [...this.participants.keys()]) if (!present.has(pid)) this.remove(pid, events);
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
    return events;
  }

  private upsert(pid: string, info: unknown, replace: boolean, events: MeetingEvent[]): void {
    const old = this.participants.get(pid);
    const given = strings(info);
    const participant: Participant = Object.freeze(replace || !old ? given : { ...old, ...given });
    if (!old) {
      this.participants.set(pid, participant);
      events.push({ type: "participantJoined", participantID: pid, participant });
      if (participant.SHARE === "1") events.push({ type: "shareStarted", participantID: pid, participant });
      return;
    }
    const changed = differences(old, participant);
    if (changed.length === 0) return;
    this.participants.set(pid, participant);
    events.push({ type: "participantUpdated", participantID: pid, participant, changed });
    if ((old.SHARE === "1") !== (participant.SHARE === "1")) {
      events.push({ type: participant.SHARE === "1" ? "shareStarted" : "shareStopped", participantID: pid, participant });
    }
  }

  private remove(pid: string, events: MeetingEvent[]): void {
    const participant = this.participants.get(pid);
    if (!participant) return;
    this.participants.delete(pid);
    if (participant.SHARE === "1") events.push({ type: "shareStopped", participantID: pid, participant });
    events.push({ type: "participantLeft", participantID: pid, participant });
  }

  /** The vendor puts the state on the frame itself; `data` (an object or its JSON text) is read too. */
  private dynamicInfo(frame: Frame): MeetingEvent[] | undefined {
    const inner = frame.data === undefined ? {} : payload(frame.data);
    if (!isObject(inner) || Array.isArray(inner)) return undefined;
    const fields = Object.fromEntries(Object.entries(frame).filter(([key]) => !ENVELOPE.has(key)));
    const meeting: MeetingState = Object.freeze({ ...this.meeting, ...fields, ...inner });
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
    return undefined;
  }
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
  return [...keys].filter((key) => a[key] !== b[key] && JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}
