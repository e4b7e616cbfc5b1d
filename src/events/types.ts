// The event channel's public types: what `conf.events()` yields and what it and
// `conf.waitUntilSharing()` take. Frame types come from asyncapi.yaml (src/generated/events.d.ts).
import type { components } from "../generated/events.js";

/**
 * A participant as the channel knows them: the `pinfoMap` keys merged from every message so far
 * (`NAME`, `ROLE`, `SHARE` …), string to string. Unknown keys are kept as they come; a value that
 * is not a string arrives as its JSON text.
 */
export type Participant = Readonly<components["schemas"]["ParticipantInfoMap"]>;

/** The meeting's state as the channel knows it: every `ConfDynamicInfoNotify` field so far, unknown ones included. */
export type MeetingState = Readonly<components["schemas"]["ConfDynamicInfo"] & Record<string, unknown>>;

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
      type: "meetingUpdated";
      meeting: MeetingState;
      /** The fields whose values changed. */
      changed: string[];
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
   * Most events held for a consumer that has fallen behind. When full, the oldest is dropped and
   * the next event delivered says how many were in `missed`; the participant records in later
   * events are always current. Default: 1 000.
   */
  maxQueued?: number;
}

/** Options of `conf.waitUntilSharing()`. */
export interface WaitUntilSharingOptions extends ChannelOptions {
  /** How long to wait, in ms. Default: 120 000. */
  timeoutMs?: number;
}

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
