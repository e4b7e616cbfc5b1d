// Ready-made conditions for `conf.waitUntil()`: what the vendor's channel shows after an action
// (a participant's pinfoMap key, a ConfDynamicInfoNotify field). Plain data and small functions,
// exported by every entry; the channel itself still loads only on first use.
import { ParticipantLeftError } from "./errors.js";
import type { Condition, ConferenceState, Participant } from "./types.js";

/** ROLE values of the channel's pinfoMap (the vendor documents no value for a co-host: pass the raw one). */
const ROLES = { participant: "0", host: "1", audience: "2" } as const;

const flag = (on: boolean) => (on ? "1" : "0");

/** Whether `pid` is gone: only said once the roster is complete. */
const absent = (state: ConferenceState, pid: string): boolean => state.synced && !state.participants.has(pid);

/**
 * The conditions `conf.waitUntil()` takes, for each change the channel shows. A participant's
 * condition rejects with `ParticipantLeftError` once the roster is complete and they are not in
 * it (except `inMeeting`, `left` and `someone`, which wait for them to appear or go).
 */
export const conditions = {
  /** The participant's pinfoMap `key` has `value` (string to string, as the channel sends it). */
  participant(participantID: string, key: string, value: string): Condition {
    return {
      description: `participant ${participantID} ${key} ${JSON.stringify(value)}`,
      holds: (state) => state.participants.get(participantID)?.[key] === value,
      fails: (state) => (absent(state, participantID) ? new ParticipantLeftError(participantID, "is not in the meeting (left, or never joined)") : undefined),
    };
  },
  /** The meeting's ConfDynamicInfoNotify field `key` is `value` (compared as text: `1` and `"1"` are the same). */
  meeting(key: string, value: string | number): Condition {
    return {
      description: `meeting ${key} ${JSON.stringify(value)}`,
      holds: (state) => state.meeting[key] !== undefined && state.meeting[key] !== null && String(state.meeting[key]) === String(value),
    };
  },
  /** `SHARE` "1" (default) or "0". */
  sharing: (participantID: string, on = true): Condition => conditions.participant(participantID, "SHARE", flag(on)),
  /** `MUTE` "1": the participant's microphone is muted. */
  muted: (participantID: string): Condition => conditions.participant(participantID, "MUTE", "1"),
  /** `MUTE` "0". */
  unmuted: (participantID: string): Condition => conditions.participant(participantID, "MUTE", "0"),
  /** `HAND` "1". */
  handRaised: (participantID: string): Condition => conditions.participant(participantID, "HAND", "1"),
  /** `HAND` "0". */
  handLowered: (participantID: string): Condition => conditions.participant(participantID, "HAND", "0"),
  /** `ROLE`: `"host"` ("1"), `"participant"` ("0"), `"audience"` ("2"), or a raw value (a co-host's, which the vendor does not document). */
  role(participantID: string, role: keyof typeof ROLES | (string & {})): Condition {
    const value = Object.hasOwn(ROLES, role) ? ROLES[role as keyof typeof ROLES] : role;
    return conditions.participant(participantID, "ROLE", value);
  },
  /** `BROADCAST` "1" (default) or "0": the participant is (not) being broadcast. */
  broadcasting: (participantID: string, on = true): Condition => conditions.participant(participantID, "BROADCAST", flag(on)),
  /** `ROLLCALL` "1" (default) or "0": the participant has (not) been given the floor. */
  hasFloor: (participantID: string, on = true): Condition => conditions.participant(participantID, "ROLLCALL", flag(on)),
  /** `NAME` is `name`: a rename has landed. */
  named: (participantID: string, name: string): Condition => conditions.participant(participantID, "NAME", name),
  /**
   * `STATE` "0": the participant is in the meeting (a call-out answered; "1" is being called).
   * Waits for them to appear: a participant not in the roster yet is not a failure.
   */
  inMeeting(participantID: string): Condition {
    return {
      description: `participant ${participantID} STATE "0" (in the meeting)`,
      holds: (state) => state.participants.get(participantID)?.STATE === "0",
    };
  },
  /** The participant is not in the complete roster: they left or were hung up. */
  left(participantID: string): Condition {
    return { description: `participant ${participantID} left`, holds: (state) => absent(state, participantID) };
  },
  /** Some participant matches `test` (a call-out by phone number, an admitted guest by name …). Reads the whole roster on each frame. */
  someone(description: string, test: (participant: Participant, participantID: string) => boolean): Condition {
    return {
      description,
      holds: (state) => {
        for (const [pid, participant] of state.participants) if (test(participant, pid)) return true;
        return false;
      },
    };
  },
  /** `lock` 1 (default) or 0: the meeting is (un)locked. */
  locked: (on = true): Condition => conditions.meeting("lock", flag(on)),
  /** `mute` 1 (default) or 0: everyone muted (and muted on joining), or not. */
  allMuted: (on = true): Condition => conditions.meeting("mute", flag(on)),
  /** `recState` 1 (default) or 0: the meeting is (not) being recorded. */
  recording: (on = true): Condition => conditions.meeting("recState", flag(on)),
  /** `lockSharing` 1 (default) or 0: only the host may share, or anyone. */
  sharingLocked: (on = true): Condition => conditions.meeting("lockSharing", flag(on)),
  /** `waitingRoomState` 1 (default) or 0: the waiting room is on, or off. */
  waitingRoom: (on = true): Condition => conditions.meeting("waitingRoomState", flag(on)),
} as const;
