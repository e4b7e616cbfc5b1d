// The command line's event-channel parts: `watch` lines, and `share invite --wait`.
import { MeetingEndedError, MeetingTimeoutError, ParticipantLeftError, type Conference, type MeetingEvent } from "../universal.js";

/** Options of the commands that use the channel. */
export const watchOptions = {
  "ws-url": { type: "string", arg: "URL", describe: "the channel's wss: address, data.wsURL of the token (needed with a token, not a password)" },
} as const satisfies Record<string, { type: "string" | "boolean"; describe: string; arg?: string }>;

/** The participant did not share: exit code 6. */
export class NotSharing extends Error {}

/** Waits until `participantID` shares; a time-out, their leaving or the meeting's end is `NotSharing`. */
export async function waitForShare(conf: Conference, participantID: string, timeoutMs: number | undefined): Promise<void> {
  try {
    await conf.waitUntilSharing(participantID, { timeoutMs });
  } catch (error) {
    // The channel's own failures (refused token, no connection) keep their exit codes.
    if (error instanceof MeetingTimeoutError || error instanceof ParticipantLeftError || error instanceof MeetingEndedError) throw new NotSharing(error.message);
    throw error;
  }
}

/** One event as a line for people: what happened, who, and what changed. */
export function eventLine(event: MeetingEvent): string {
  const missed = event.missed ? ` (${event.missed} earlier events dropped)` : "";
  switch (event.type) {
    case "meetingUpdated":
      return `meeting updated    ${event.changed.map((key) => `${key}=${String(event.meeting[key])}`).join(" ")}${missed}`;
    case "unknown":
      return `unknown event      ${String((event.frame as { action?: unknown })?.action ?? "")}${missed}`;
    case "roster":
      return `roster             ${event.participants.size} participants (${event.joined.length} joined, ${event.updated.length} updated, ${event.left.length} left)${missed}`;
    case "waitingJoined":
    case "waitingLeft": {
      const what = event.type === "waitingJoined" ? "waiting" : "no longer waiting";
      return `${what.padEnd(18)} ${event.participantID}  ${event.member.name ?? ""}${missed}`;
    }
    default: {
      const what = {
        participantJoined: "joined",
        participantUpdated: "updated",
        participantLeft: "left",
        shareStarted: "sharing started",
        shareStopped: "sharing stopped",
      }[event.type];
      const changes = event.type === "participantUpdated" ? `  ${event.changed.map((key) => `${key}=${event.participant[key] ?? ""}`).join(" ")}` : "";
      return `${what.padEnd(18)} ${event.participantID}  ${event.participant.NAME ?? ""}${changes}${missed}`;
    }
  }
}
