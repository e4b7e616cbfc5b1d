// The participant handle: `conf.participant(pid)`, its methods the operation table's
// `participant.*` methods, each sending the participant's ID where its operation takes it.
import { handleOf, type CallContext } from "./call/operation.js";
import type { ParticipantMethods } from "./generated/facade.js";
import { checkId } from "./call/input.js";
import type { CallOptions } from "./options.js";

/**
 * One participant of an ongoing meeting, by the `pid` that `realTimeInfo()` lists: made by
 * `conf.participant(pid)`. Its methods come from the spec (`x-facade: participant.*`); each
 * sends the participant's ID where its operation takes it (query or body).
 */
export interface ParticipantHandle extends ParticipantMethods<CallOptions> {
  readonly conferenceID: string;
  readonly participantID: string;
}

/** The handle; a `participantID` that is not a non-empty string is refused at once. */
export function participant(context: CallContext, participantID: string): ParticipantHandle {
  checkId("participantID", participantID);
  return handleOf("participant", context, { conferenceID: context.conferenceID, participantID }, participantID);
}
