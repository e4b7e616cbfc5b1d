// What a client's `conf.events()` delivers from a fake meeting, recorded in a compact form so a
// test can assert exactly the events one call caused, with no sleeping: a marker change pushed
// after the call arrives after everything the call pushed (one channel keeps its order).
import type { Conference, MeetingEvent } from "../../src/node.js";
import type { FakeMeeting } from "../../src/testing/index.js";
import { until } from "./fake-helpers.js";

/**
 * One event, compactly: `["participantUpdated", pid, { MUTE: "1" }]` (the changed keys and their
 * values), `["participantJoined", pid, pinfoMap]`, `["participantLeft", pid]`,
 * `["shareStarted", pid]`, `["meetingUpdated", { lock: 1 }]` (the changed fields),
 * `["waitingJoined", pid, member]`, `["waitingLeft", pid]`, and a push the client passes on as it
 * comes as `[action, data]` (`["InviteResultNotify", [...]]`).
 */
export type Seen = [string, ...unknown[]];

function seen(event: MeetingEvent): Seen {
  switch (event.type) {
    case "participantUpdated":
      return [event.type, event.participantID, Object.fromEntries(event.changed.map((key) => [key, event.participant[key as keyof typeof event.participant]]))];
    case "participantJoined":
      return [event.type, event.participantID, event.participant];
    case "waitingJoined":
      return [event.type, event.participantID, event.member];
    case "participantLeft":
    case "waitingLeft":
    case "shareStarted":
    case "shareStopped":
      return [event.type, event.participantID];
    case "meetingUpdated":
      return [event.type, Object.fromEntries(event.changed.map((key) => [key, event.meeting[key]]))];
    case "roster":
      return [event.type, event.reason];
    case "unknown": {
      const { action, data } = event.frame as { action: string; data: unknown };
      return [action, data];
    }
  }
}

/** How long to wait for the channel, in ms: generous, as a busy machine runs other test files alongside. */
const WAIT_MS = 10_000;

/** The marker: the waiting room's state, which no control operation changes. */
const MARKER = "waitingRoomState";

/**
 * Subscribes `conf.events()` to `meeting`'s channel and resolves once the full state (the roster,
 * the meeting's status, then who waits in the waiting room) has arrived. `settle()` then returns
 * every event since the last `settle()`, all of them: it pushes a marker and waits for it, or for
 * the stream to end.
 */
export async function recordEvents(conf: Conference, meeting: FakeMeeting) {
  const controller = new AbortController();
  const events: Seen[] = [];
  let ended: { error: unknown } | undefined;
  const pump = (async () => {
    try {
      for await (const event of conf.events({ fullRoster: "snapshot", signal: controller.signal })) events.push(seen(event));
      ended = { error: undefined };
    } catch (error) {
      ended = { error };
    }
  })();
  const settle = async (): Promise<Seen[]> => {
    if (!ended) {
      const value = meeting.conference[MARKER] === 1 ? 0 : 1;
      meeting.setStatus({ [MARKER]: value });
      const isMarker = ([type, fields]: Seen) => type === "meetingUpdated" && JSON.stringify(fields) === JSON.stringify({ [MARKER]: value });
      await until(() => events.some(isMarker) || ended !== undefined, WAIT_MS);
      const taken = events.splice(0);
      return taken.filter((event) => !isMarker(event));
    }
    return events.splice(0);
  };
  // The full participant list, then the meeting's full status; once subscribed, a marker takes
  // the full waiting list that follows them (one waitingJoined per person waiting).
  await until(() => events.some(([type]) => type === "meetingUpdated") || ended !== undefined, WAIT_MS);
  const full = (await settle()).map(([type]) => type);
  const status = full.lastIndexOf("meetingUpdated");
  if (full[0] !== "roster" || status < 0 || full.slice(status + 1).some((type) => type !== "waitingJoined"))
    throw new Error(`the full state came as ${full.join()}${ended ? ` and the stream ended: ${String(ended.error)}` : ""}`);
  return {
    settle,
    /** How the stream ended (`{ error }`), or `undefined` while it runs. */
    get ended() {
      return ended;
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}
