// The event channel, loaded by `conf.events()` and `conf.waitUntilSharing()` behind a dynamic
// import(): code that never uses it never loads it.
import { MeetingTimeoutError } from "../errors.js";
import { fail, kind, MAX_TIMEOUT_MS, object } from "../call/input.js";
import { EventChannel, type ChannelSettings } from "./connection.js";
import { ParticipantLeftError } from "./errors.js";
import type { ChannelParts } from "./link.js";
import { EventQueue } from "./queue.js";
import type { ChannelOptions, EventsOptions, MeetingEvent, MeetingEventType, WaitUntilSharingOptions } from "./types.js";

const EVENT_TYPES: readonly MeetingEventType[] = ["participantJoined", "participantUpdated", "participantLeft", "shareStarted", "shareStopped", "meetingUpdated", "unknown"];

export const DEFAULTS = { heartBeatMs: 60_000, maxReconnects: 5, maxQueued: 1_000, waitTimeoutMs: 120_000 } as const;

/** `conf.events()`: the channel's events, through a bounded queue, until the consumer stops or the channel ends. */
export async function* events(parts: ChannelParts, options: EventsOptions = {}): AsyncGenerator<MeetingEvent, void, undefined> {
  const { signal, settings } = channelOptions(options);
  const { types, maxQueued = DEFAULTS.maxQueued } = options;
  if (types !== undefined && !(Array.isArray(types) && types.every((type) => EVENT_TYPES.includes(type)))) {
    fail("options.types", `must be an array of ${EVENT_TYPES.join(", ")}`);
  }
  integer("options.maxQueued", maxQueued, 1, 1_000_000);
  signal?.throwIfAborted();
  const wanted = types && new Set(types);
  const queue = new EventQueue(maxQueued);
  const channel = new EventChannel(
    parts,
    settings,
    (list) => list.forEach((event) => (!wanted || wanted.has(event.type)) && queue.push(event)),
    (error) => queue.end(error),
  );
  const onAbort = () => {
    channel.close();
    queue.end(signal!.reason, true);
  };
  signal?.addEventListener("abort", onAbort);
  try {
    for (let event; (event = await queue.take()); ) yield event;
  } finally {
    signal?.removeEventListener("abort", onAbort);
    channel.close();
  }
}

/**
 * `conf.waitUntilSharing()`: resolves once the roster shows the participant's `SHARE` as "1"
 * (at once if it already does); rejects when they leave or are not in the meeting, when the
 * time is up, or when the channel ends.
 */
export function waitUntilSharing(parts: ChannelParts, participantID: string, options: WaitUntilSharingOptions = {}): Promise<void> {
  const { signal, settings } = channelOptions(options);
  const { timeoutMs = DEFAULTS.waitTimeoutMs } = options;
  integer("options.timeoutMs", timeoutMs, 1, MAX_TIMEOUT_MS);
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const settle = (error?: unknown) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      channel.close();
      if (error === undefined) resolve();
      else reject(error);
    };
    const onAbort = () => settle(signal!.reason);
    const timer = setTimeout(() => {
      settle(new MeetingTimeoutError(`participant ${participantID} did not start sharing within ${timeoutMs} ms`, channel.connections));
    }, timeoutMs);
    const channel: EventChannel = new EventChannel(
      parts,
      settings,
      () => {
        const { participants, synced } = channel.roster;
        const participant = participants.get(participantID);
        if (participant?.SHARE === "1") settle();
        else if (synced && !participant) settle(new ParticipantLeftError(participantID, "is not in the meeting (left, or never joined)"));
      },
      settle,
    );
    signal?.addEventListener("abort", onAbort);
  });
}

function channelOptions(options: ChannelOptions): { signal?: AbortSignal; settings: ChannelSettings } {
  const { signal, heartBeatMs = DEFAULTS.heartBeatMs, maxReconnects = DEFAULTS.maxReconnects } = object("options", options);
  if (signal !== undefined && !(signal instanceof AbortSignal)) fail("options.signal", `must be an AbortSignal, got ${kind(signal)}`);
  integer("options.heartBeatMs", heartBeatMs, 1, MAX_TIMEOUT_MS);
  integer("options.maxReconnects", maxReconnects, 0, 100);
  return { signal, settings: { heartBeatMs, maxReconnects } };
}

function integer(field: string, value: unknown, min: number, max: number): void {
  if (!(Number.isInteger(value) && (value as number) >= min && (value as number) <= max)) fail(field, `must be an integer in [${min}, ${max}], got ${kind(value)}`);
}
