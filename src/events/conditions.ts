// What `conf.waitUntil()` takes, turned into a condition on the live state: a participant's
// pinfoMap values, a participant gone, someone in or out of the waiting room, the meeting's
// ConfDynamicInfoNotify fields, or the caller's own condition or function. The conditions are
// plain data so that the entries carry no code for them: this file loads with the channel.
import { fail, kind } from "../call/input.js";
import { CallFailedError, ParticipantLeftError } from "./errors.js";
import type { Condition, ConferenceState, WaitCondition } from "./types.js";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Whether `pid` is gone: only said once the roster is complete. */
const absent = (state: ConferenceState, pid: string): boolean => state.synced && !state.participants.has(pid);

/** `condition` as a `Condition`, checked; a bad one is a `MeetingInputError` naming what is wrong. */
export function toCondition(condition: WaitCondition | unknown): Condition {
  if (typeof condition === "function") return { description: "the condition", holds: condition as Condition["holds"] };
  if (!isRecord(condition)) return fail("condition", `must be a function of the state, a condition ({ description, holds }) or a condition as data, got ${kind(condition)}`);
  if ("holds" in condition) return custom(condition);
  if ("meeting" in condition) return meeting(condition.meeting);
  if ("callNumber" in condition) return call(condition.callNumber);
  if ("waiting" in condition) return waiting(condition);
  if ("participantID" in condition) return participant(condition);
  return fail("condition", "must hold participantID, waiting, callNumber, meeting, or holds(state)");
}

/** `{ callNumber }`: the number's last InviteResultNotify says the call succeeded; a failure rejects. */
function call(callNumber: unknown): Condition {
  if (typeof callNumber !== "string" || !callNumber) fail("condition.callNumber", `must be a non-empty string, got ${kind(callNumber)}`);
  const number = callNumber as string;
  return {
    description: `call to ${number} succeeded (InviteResultNotify code "0")`,
    holds: (state) => state.callResults.get(number)?.code === "0",
    fails: (state) => {
      const result = state.callResults.get(number);
      return result && result.code !== "0" ? new CallFailedError(number, result.code) : undefined;
    },
  };
}

/**
 * `{ waiting: pid }`: they are in the waiting room; `{ waiting: pid, left: true }`: they are
 * not, said once a full waiting list has arrived or this wait has seen them there (before
 * either, absence may only mean the list has not come yet).
 */
function waiting(condition: Record<string, unknown>): Condition {
  const { waiting: id, left, ...rest } = condition;
  if (typeof id !== "string" || !id) fail("condition.waiting", `must be a non-empty string, got ${kind(id)}`);
  if (left !== undefined && left !== true) fail("condition.left", `must be true, got ${kind(left)}`);
  const extra = Object.keys(rest);
  if (extra.length > 0) fail("condition", `asks for waiting and ${extra.join(", ")} at once`);
  const pid = id as string;
  if (left === undefined) return { description: `participant ${pid} in the waiting room`, holds: (state) => state.waiting.has(pid) };
  let seen = false;
  return {
    description: `participant ${pid} out of the waiting room`,
    holds: (state) => {
      if (state.waiting.has(pid)) {
        seen = true;
        return false;
      }
      return seen || state.waitingSynced;
    },
  };
}

function custom(condition: Record<string, unknown>): Condition {
  const { description, holds, fails } = condition;
  if (typeof holds !== "function") fail("condition.holds", `must be a function, got ${kind(holds)}`);
  if (typeof description !== "string" || !description) fail("condition.description", `must be a non-empty string, got ${kind(description)}`);
  if (fails !== undefined && typeof fails !== "function") fail("condition.fails", `must be a function, got ${kind(fails)}`);
  return condition as unknown as Condition;
}

/** `{ meeting: { lock: 1 } }`: every field given has that value (compared as text: 1 and "1" are the same). */
function meeting(fields: unknown): Condition {
  if (!isRecord(fields) || Object.keys(fields).length === 0) fail("condition.meeting", `must be an object of at least one field, got ${kind(fields)}`);
  const wanted = Object.entries(fields as Record<string, unknown>).map(([key, value]) => {
    if (typeof value !== "string" && typeof value !== "number") fail(`condition.meeting.${key}`, `must be a string or a number, got ${kind(value)}`);
    return [key, String(value)] as const;
  });
  return {
    description: `meeting ${wanted.map(([key, value]) => `${key} ${JSON.stringify(value)}`).join(" ")}`,
    holds: ({ meeting }) => wanted.every(([key, value]) => meeting[key] !== undefined && meeting[key] !== null && String(meeting[key]) === value),
  };
}

/**
 * `{ participantID, MUTE: "1" }`: every pinfoMap key given has that value; `{ participantID,
 * left: true }`: the participant is not in the complete roster. A participant missing from the
 * complete roster fails the first kind with `ParticipantLeftError`, unless `STATE` is asked
 * for: someone being called may not be listed yet.
 */
function participant(condition: Record<string, unknown>): Condition {
  const { participantID, left, ...keys } = condition;
  if (typeof participantID !== "string" || !participantID) fail("condition.participantID", `must be a non-empty string, got ${kind(participantID)}`);
  const pid = participantID as string;
  if (left !== undefined) {
    if (left !== true) fail("condition.left", `must be true, got ${kind(left)}`);
    if (Object.keys(keys).length > 0) fail("condition", "asks for left: true and pinfoMap values at once");
    return { description: `participant ${pid} left`, holds: (state) => absent(state, pid) };
  }
  const wanted = Object.entries(keys).map(([key, value]) => {
    if (typeof value !== "string") fail(`condition.${key}`, `must be a string (pinfoMap values are), got ${kind(value)}`);
    return [key, value as string] as const;
  });
  if (wanted.length === 0) fail("condition", "must ask for at least one pinfoMap value (MUTE, HAND, ROLE …) or left: true");
  const mayAppear = "STATE" in keys;
  return {
    description: `participant ${pid} ${wanted.map(([key, value]) => `${key} ${JSON.stringify(value)}`).join(" ")}`,
    holds: (state) => {
      const record = state.participants.get(pid);
      return record !== undefined && wanted.every(([key, value]) => record[key] === value);
    },
    fails: (state) => (!mayAppear && absent(state, pid) ? new ParticipantLeftError(pid, "is not in the meeting (left, or never joined)") : undefined),
  };
}
