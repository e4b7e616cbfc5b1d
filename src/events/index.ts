// The event channel, loaded by `conf.events()`, `conf.waitUntil()` and `conf.waitUntilSharing()`
// behind a dynamic import(): code that never uses it never loads it. Every consumer of one
// conference joins the same shared channel (shared.ts).
import { MeetingTimeoutError } from "../errors.js";
import { checkId, fail, kind, MAX_TIMEOUT_MS, object } from "../call/input.js";
import { toCondition } from "./conditions.js";
import type { ConnectionSettings } from "./connection.js";
import type { ChannelParts } from "./link.js";
import { EventQueue } from "./queue.js";
import type { Applied } from "./roster.js";
import { channelFor, type Consumer } from "./shared.js";
import type {
  ChannelOptions,
  ConferenceState,
  EventsOptions,
  LiveRoster,
  MeetingEvent,
  MeetingEventType,
  RosterOptions,
  WaitCondition,
  WaitUntilOptions,
  WaitUntilSharingOptions,
} from "./types.js";

const EVENT_TYPES: readonly MeetingEventType[] = [
  "participantJoined",
  "participantUpdated",
  "participantLeft",
  "shareStarted",
  "shareStopped",
  "waitingJoined",
  "waitingLeft",
  "meetingUpdated",
  "roster",
  "unknown",
];
/** The events a `roster` event stands for, when a full list is delivered as a snapshot. */
const SUMMED_UP = new Set<MeetingEventType>(["participantJoined", "participantUpdated", "participantLeft"]);

export const DEFAULTS = { heartBeatMs: 60_000, maxReconnects: 5, maxQueued: 1_000, waitTimeoutMs: 120_000 } as const;

/** `conf.events()`: the channel's events, through this consumer's bounded queue, until it stops or the channel ends. */
export async function* events(parts: ChannelParts, options: EventsOptions = {}): AsyncGenerator<MeetingEvent, void, undefined> {
  const { signal, settings } = channelOptions(options);
  const { types, maxQueued = DEFAULTS.maxQueued, fullRoster = "joins" } = options;
  if (types !== undefined && !(Array.isArray(types) && types.every((type) => EVENT_TYPES.includes(type)))) {
    fail("options.types", `must be an array of ${EVENT_TYPES.join(", ")}`);
  }
  integer("options.maxQueued", maxQueued, 1, 1_000_000);
  if (fullRoster !== "joins" && fullRoster !== "snapshot") fail("options.fullRoster", `must be "joins" or "snapshot", got ${kind(fullRoster)}`);
  signal?.throwIfAborted();
  const wanted = types && new Set(types);
  const keep = (list: MeetingEvent[]) => (wanted ? list.filter((event) => wanted.has(event.type)) : list);
  const snapshots = fullRoster === "snapshot";
  const channel = channelFor(parts, settings);
  // A consumer of snapshots that falls behind gets the state in place of what it missed.
  const resync = snapshots && (!wanted || wanted.has("roster")) ? () => channel.roster.snapshot("resync") : undefined;
  const queue = new EventQueue(maxQueued, resync);
  const consumer: Consumer = {
    deliver({ events, full }: Applied) {
      if (full && snapshots) {
        queue.add(keep([channel.roster.snapshot("full", full), ...events.filter((event) => !SUMMED_UP.has(event.type))]));
      } else {
        // A full list takes one slot, read lazily: a prompt consumer misses none of it.
        queue.add(keep(events), full !== undefined);
      }
    },
    end: (error) => queue.end(error),
  };
  channel.join(consumer);
  // A channel already under way: this consumer starts from what it knows.
  for (const applied of channel.roster.replay()) consumer.deliver(applied);
  const onAbort = () => {
    channel.leave(consumer);
    queue.end(signal?.reason, true);
  };
  signal?.addEventListener("abort", onAbort);
  try {
    for (let event = await queue.take(); event; event = await queue.take()) yield event;
  } finally {
    signal?.removeEventListener("abort", onAbort);
    channel.leave(consumer);
  }
}

/**
 * `conf.waitUntil()`: resolves once `condition` holds on the live state (at once if it does);
 * rejects when it can no longer hold (`condition.fails`), when the time is up, or when the
 * channel ends. Holds no queue: it looks at the roster after each frame.
 */
export function waitUntil(parts: ChannelParts, condition: WaitCondition, options: WaitUntilOptions = {}, timeoutMessage?: (timeoutMs: number) => string): Promise<void> {
  const { signal, settings } = channelOptions(options);
  const { timeoutMs = DEFAULTS.waitTimeoutMs, description } = options;
  integer("options.timeoutMs", timeoutMs, 1, MAX_TIMEOUT_MS);
  if (description !== undefined && (typeof description !== "string" || !description)) fail("options.description", `must be a non-empty string, got ${kind(description)}`);
  const test = toCondition(condition);
  const what = description ?? test.description;
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const channel = channelFor(parts, settings);
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      channel.leave(consumer);
      if (error === undefined) resolve();
      else reject(error);
    };
    const check = () => {
      const state = channel.roster;
      let failure: Error | undefined;
      try {
        if (test.holds(state)) return settle();
        failure = test.fails?.(state);
      } catch (error) {
        // A caller's predicate that throws ends the wait with its error.
        return settle(error);
      }
      if (failure) settle(failure);
    };
    const consumer: Consumer = { deliver: check, end: settle };
    const onAbort = () => settle(signal?.reason);
    const timer = setTimeout(() => {
      const message = timeoutMessage ? timeoutMessage(timeoutMs) : `${what}: not seen within ${timeoutMs} ms`;
      settle(new MeetingTimeoutError(message, channel.connections));
    }, timeoutMs);
    signal?.addEventListener("abort", onAbort);
    channel.join(consumer);
    check();
  });
}

/**
 * `conf.roster()`: a live view of the conference's state, once the full participant list has
 * arrived. The view is a consumer of the shared channel until closed.
 */
export async function roster(parts: ChannelParts, options: RosterOptions = {}): Promise<LiveRoster> {
  const { settings } = channelOptions(options);
  const channel = channelFor(parts, settings);
  let ended: { error: unknown } | undefined;
  const consumer: Consumer = {
    deliver: () => {},
    end: (error) => {
      ended = { error };
    },
  };
  channel.join(consumer);
  try {
    // A wait on the same channel (same settings): it opens nothing of its own.
    await waitUntil(parts, (state) => state.synced, { ...options, description: "the full participant list" });
  } catch (error) {
    channel.leave(consumer);
    throw error;
  }
  let state: ConferenceState = channel.roster;
  return {
    get participants() {
      return state.participants;
    },
    get meeting() {
      return state.meeting;
    },
    get synced() {
      return state.synced;
    },
    get callResults() {
      return state.callResults;
    },
    get waiting() {
      return state.waiting;
    },
    get waitingSynced() {
      return state.waitingSynced;
    },
    get ended() {
      return ended?.error;
    },
    close() {
      // What it showed last stays readable, and no longer changes.
      const { participants, meeting, synced, callResults, waiting, waitingSynced } = state;
      state = { participants: new Map(participants), meeting, synced, callResults: new Map(callResults), waiting: new Map(waiting), waitingSynced };
      channel.leave(consumer);
    },
  };
}

/**
 * `conf.waitUntilSharing()`: resolves once the roster shows the participant's `SHARE` as "1"
 * (at once if it already does); rejects when they leave or are not in the meeting, when the
 * time is up, or when the channel ends.
 */
export function waitUntilSharing(parts: ChannelParts, participantID: string, options: WaitUntilSharingOptions = {}): Promise<void> {
  checkId("participantID", participantID);
  return waitUntil(parts, { participantID, SHARE: "1" }, options, (timeoutMs) => `participant ${participantID} did not start sharing within ${timeoutMs} ms`);
}

function channelOptions(options: ChannelOptions): { signal?: AbortSignal; settings: ConnectionSettings } {
  const { signal, heartBeatMs = DEFAULTS.heartBeatMs, maxReconnects = DEFAULTS.maxReconnects } = object("options", options);
  if (signal !== undefined && !(signal instanceof AbortSignal)) fail("options.signal", `must be an AbortSignal, got ${kind(signal)}`);
  integer("options.heartBeatMs", heartBeatMs, 1, MAX_TIMEOUT_MS);
  integer("options.maxReconnects", maxReconnects, 0, 100);
  return { signal, settings: { heartBeatMs, maxReconnects } };
}

function integer(field: string, value: unknown, min: number, max: number): void {
  if (!(Number.isInteger(value) && (value as number) >= min && (value as number) <= max)) fail(field, `must be an integer in [${min}, ${max}], got ${kind(value)}`);
}
