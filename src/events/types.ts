// The event channel's public types: what `conf.events()` yields and what it and
// `conf.waitUntilSharing()` take. Frame types come from asyncapi.yaml (src/generated/events.d.ts).
import type { components } from "../generated/events.js";

/**
 * A participant as the channel knows them: the `pinfoMap` keys merged from every message so far
 * (`NAME`, `ROLE`, `SHARE` …), string to string. Unknown keys are kept as they come; a value that
 * is not a string arrives as its JSON text.
 */
export type Participant = Readonly<components["schemas"]["ParticipantInfoMap"]>;

/**
 * The meeting's status as the channel knows it: every `ConfDynamicInfoNotify` field so far
 * (`state`, `lock`, `mute`, `lockSharing`, `recState`, `waitingRoomState` …), unknown ones included.
 */
export type MeetingStatus = Readonly<components["schemas"]["ConfDynamicInfo"] & Record<string, unknown>>;

/**
 * Someone in the waiting room, as `WaitingListNotify` gives them: their `pid` (the
 * `participantID` that `conf.participant(pid).admit()` takes), the `name` they gave, and any
 * other field the frame carries, kept as it comes (`mode`, which says whether they came or went,
 * aside). A `name` that is not a string arrives as its JSON text.
 */
export type WaitingMember = Readonly<{ pid: string; name?: string } & Record<string, unknown>>;

/**
 * The conference as the shared channel knows it now: what `conf.waitUntil()` conditions read,
 * and what a `roster` event carries. Kept up to date by the channel; read it, never change it.
 */
export interface ConferenceState {
  /** The online participants by `pid`, as of the last frame. */
  readonly participants: ReadonlyMap<string, Participant>;
  /** The meeting's status, as of the last `ConfDynamicInfoNotify`. */
  readonly meeting: MeetingStatus;
  /** A full participant list has arrived: from now on, absence from `participants` means "not in the meeting". */
  readonly synced: boolean;
  /**
   * The last InviteResultNotify result per number called (the 1 000 most recent numbers):
   * `code` "0" the call succeeded; any other code, it failed, or why the participant left.
   */
  readonly callResults: ReadonlyMap<string, CallResult>;
  /**
   * Who waits in the waiting room, by `pid`, as of the last `WaitingListNotify`: a full list
   * replaces it, an incremental one adds (`mode` 0) and removes (`mode` 1). It holds 10 000
   * people: a newcomer past them is not held (the frame comes as an `unknown` event), and
   * `waitingSynced` is false until a full list that fits.
   */
  readonly waiting: ReadonlyMap<string, WaitingMember>;
  /** A full waiting list has arrived, and fitted: absence from `waiting` means "not in the waiting room". */
  readonly waitingSynced: boolean;
}

/** One InviteResultNotify result: `"0"` the call succeeded; anything else the vendor's code for why not, or why the participant left. */
export interface CallResult {
  readonly code: string;
}

interface Delivered {
  /** Events dropped just before this one because the consumer fell behind (see `EventsOptions.maxQueued`). */
  missed?: number;
}

interface ParticipantEvent<T extends string> extends Delivered {
  type: T;
  participantID: string;
  /** The merged record at the time of the event; for `participantLeft`, the last one known. */
  participant: Participant;
}

/** One thing that happened in the meeting, as `conf.events()` yields it. */
export type MeetingEvent =
  | ParticipantEvent<"participantJoined">
  | (ParticipantEvent<"participantUpdated"> & {
      /** The `pinfoMap` keys whose values changed. */
      changed: string[];
    })
  | ParticipantEvent<"participantLeft">
  | ParticipantEvent<"shareStarted">
  | ParticipantEvent<"shareStopped">
  | (Delivered & {
      /** Someone came into the waiting room: they knocked, or were moved there. */
      type: "waitingJoined";
      /** Their `pid`: what `conf.participant(pid).admit()` takes. */
      participantID: string;
      member: WaitingMember;
    })
  | (Delivered & {
      /** Someone left the waiting room: admitted (a `participantJoined` follows), or gone. */
      type: "waitingLeft";
      participantID: string;
      /** The last record known. */
      member: WaitingMember;
    })
  | (Delivered & {
      type: "meetingUpdated";
      meeting: MeetingStatus;
      /** The fields whose values changed. */
      changed: string[];
    })
  | (Delivered & {
      /**
       * The whole roster at once (`EventsOptions.fullRoster: "snapshot"`): for every full
       * participant list (on subscribing and after each reconnection), and in place of what a
       * slow consumer's queue held when it overflowed.
       */
      type: "roster";
      /** `"full"`: a full participant list arrived; `"resync"`: this replaces events dropped for a slow consumer (see `missed`). */
      reason: "full" | "resync";
      /** Everyone online, by `pid`: a copy of the roster as of this event, never changed afterwards. */
      participants: ReadonlyMap<string, Participant>;
      /** The meeting's status as of this event. */
      meeting: MeetingStatus;
      /** Who waits in the waiting room, by `pid`: a copy as of this event, never changed afterwards. */
      waiting: ReadonlyMap<string, WaitingMember>;
      /** For `"full"`: the pids not known before, those whose record changed, and those gone. Empty for `"resync"`. */
      joined: string[];
      updated: string[];
      left: string[];
    })
  | (Delivered & {
      type: "unknown";
      /** The frame as it came (parsed JSON): a push this client does not interpret, or one with values it does not know. */
      frame: unknown;
    });

export type MeetingEventType = MeetingEvent["type"];

/** How the channel connects and stays connected; shared by `events()` and `waitUntilSharing()`. */
export interface ChannelOptions {
  /** Stops at once: closes the channel; the iterator or the wait rejects with the signal's reason. */
  signal?: AbortSignal;
  /** How often a heart-beat is sent, in ms; one not echoed by the next is a dead connection. Default: 60 000. */
  heartBeatMs?: number;
  /** Reconnections tried in a row (each with a new WebSocket token) before giving up. Default: 5. */
  maxReconnects?: number;
}

/** Options of `conf.events()`. */
export interface EventsOptions extends ChannelOptions {
  /** Only these event types. Default: all. */
  types?: readonly MeetingEventType[];
  /**
   * How a full participant list (on subscribing, after a reconnection) is delivered:
   * - `"joins"`: as `participantJoined` / `participantUpdated` / `participantLeft` (and share)
   *   events for what changed, read lazily from one queue slot, so a prompt consumer learns
   *   all of a 10 000-participant roster with nothing missed;
   * - `"snapshot"`: as one `roster` event holding the whole roster (plus share events); a
   *   consumer whose queue overflows then gets one `roster` event (`reason: "resync"`,
   *   with `missed`) in place of what was queued, instead of losing the oldest events.
   *
   * Default: `"joins"`.
   */
  fullRoster?: "joins" | "snapshot";
  /**
   * Most slots held for a consumer that has fallen behind: one per event, and one for all the
   * events of a full participant list. When full, the oldest slot is dropped and the next event
   * delivered says how many events were in `missed` (with `fullRoster: "snapshot"`, everything
   * queued is replaced by one `roster` event instead); the participant records in later events
   * are always current. Each stream has its own queue: a slow one delays no other consumer.
   * Default: 1 000.
   */
  maxQueued?: number;
}

/** Options of `conf.waitUntilSharing()`. */
export interface WaitUntilSharingOptions extends ChannelOptions {
  /** How long to wait, in ms. Default: 120 000. */
  timeoutMs?: number;
}

/** Options of `conf.roster()`. */
export interface RosterOptions extends ChannelOptions {
  /** How long to wait for the full participant list, in ms. Default: 120 000. */
  timeoutMs?: number;
}

/**
 * `conf.roster()`: the conference's state, kept live by the shared channel for as long as the
 * view is open. Its fields always show the latest frame; nothing is copied.
 */
export interface LiveRoster extends ConferenceState {
  /**
   * Why the channel ended (`MeetingEndedError`, a refused token, reconnecting given up), if it
   * has; the fields then keep the last state known.
   */
  readonly ended?: unknown;
  /** Leaves the channel (the last consumer to leave closes it); the fields stop changing. */
  close(): void;
}

/** Options of `conf.waitUntil()`. */
export interface WaitUntilOptions extends WaitUntilSharingOptions {
  /** What is awaited, for the `MeetingTimeoutError` message. Default: said from the condition (`participant 1a2b MUTE "1"`), or "the condition" for a bare function. */
  description?: string;
}

/**
 * A condition of your own for `conf.waitUntil()`, read from the live state; any object of this
 * shape works (a bare function of the state does too).
 */
export interface Condition {
  /** What is awaited, as the timeout's message says it: `participant 1a2b MUTE "1"`. */
  readonly description: string;
  /** Whether it holds now. */
  holds(state: ConferenceState): boolean;
  /** An error to reject with when it can no longer hold (a participant who left); `undefined` while it still may. */
  fails?(state: ConferenceState): Error | undefined;
}

type Flag = "0" | "1";

/**
 * A participant's pinfoMap values to wait for: every key given must have that value. What
 * each action shows on the vendor's channel:
 * mute / unmute `MUTE: "1" | "0"`; raise / lower a hand `HAND: "1" | "0"`; host, participant,
 * audience `ROLE: "1" | "0" | "2"` (the vendor documents no value for a co-host: pass the one
 * you see); broadcast `BROADCAST: "1"`; give the floor (roll call) `ROLLCALL: "1"`; rename
 * `NAME`; sharing `SHARE: "1"`; a call-out answered `STATE: "0"` ("1" while being called).
 */
export interface ParticipantValues {
  NAME?: string;
  ROLE?: string;
  STATE?: Flag;
  HAND?: Flag;
  BROADCAST?: Flag;
  ROLLCALL?: Flag;
  SHARE?: Flag;
  MUTE?: Flag;
  VIDEO?: Flag;
}

/**
 * What `conf.waitUntil()` waits for:
 * - `{ participantID, MUTE: "1" }`: the participant's pinfoMap values (see `ParticipantValues`);
 *   rejects with `ParticipantLeftError` once the roster is complete without them, unless
 *   `STATE` is asked for (someone being called may not be listed yet);
 * - `{ participantID, left: true }`: the participant has left, or was hung up;
 * - `{ callNumber }`: the last InviteResultNotify for the number says the call succeeded
 *   (code "0"); rejects with `CallFailedError` when it says the call failed. It reads the last
 *   result known, so a second call to a number that failed before is better confirmed by
 *   `{ participantID, STATE: "0" }`;
 * - `{ waiting: pid }`: the participant is in the waiting room (knocked, or moved there);
 *   `{ waiting: pid, left: true }`: they are not (admitted, or gone), once a full waiting list
 *   has arrived or the wait has seen them there;
 * - `{ meeting: { lock: 1 } }`: the meeting's ConfDynamicInfoNotify fields, compared as text:
 *   `lock` (locked), `mute` (everyone muted), `recState` (recording), `lockSharing`,
 *   `waitingRoomState` (waiting room on), or any other field the channel sends;
 * - a `Condition`, or a function of the state (`(state) => state.participants.size > 100`).
 */
export type WaitCondition =
  | { callNumber: string }
  | ({ participantID: string; left?: undefined } & ParticipantValues)
  | { participantID: string; left: true }
  | { waiting: string; left?: true }
  | { meeting: Readonly<Record<string, string | number>> }
  | Condition
  | ((state: ConferenceState) => boolean);

/**
 * The part of the WHATWG `WebSocket` the channel uses: what `createMeetingClient({ WebSocket })`
 * takes (undici's, a browser's, or a fake's in-process class).
 */
export interface SocketLike {
  readonly readyState: number;
  send(text: string): void;
  close(code?: number, reason?: string): void;
  // `any`: each implementation types its events its own way (Event, MessageEvent, ws's own classes).
  addEventListener(type: "open" | "message" | "error" | "close", listener: (event: any) => void): void;
  removeEventListener(type: "open" | "message" | "error" | "close", listener: (event: any) => void): void;
}

/** A constructor with the WHATWG `WebSocket` shape, called as `new WebSocket(url)`. */
export type WebSocketConstructor = new (url: string) => SocketLike;
