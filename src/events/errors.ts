// The errors only the event channel throws. They live here, not in src/errors.ts, so that the
// channel stays one room; the entries export them with the others.
import { MeetingError } from "../errors.js";

/** The meeting ended (the channel said `state: "Destroyed"`): `conf.events()`, `waitUntil()` and `waitUntilSharing()` stop with this. */
export class MeetingEndedError extends MeetingError {
  override name = "MeetingEndedError";
  declare readonly conferenceID: string;

  constructor(conferenceID: string) {
    super(`conference ${conferenceID} has ended`);
    this.conferenceID = conferenceID;
  }
}

/** `waitUntil({ callNumber })`: InviteResultNotify said the call to the number failed; `code` is the vendor's. */
export class CallFailedError extends MeetingError {
  override name = "CallFailedError";
  declare readonly callNumber: string;
  declare readonly code: string;

  constructor(callNumber: string, code: string) {
    super(`the call to ${callNumber} failed (InviteResultNotify code ${code})`);
    this.callNumber = callNumber;
    this.code = code;
  }
}

/** `waitUntil()` or `waitUntilSharing()` waited for a participant's change, and the participant left the meeting, or was never in it. */
export class ParticipantLeftError extends MeetingError {
  override name = "ParticipantLeftError";
  declare readonly participantID: string;

  constructor(participantID: string, rule: string) {
    super(`participant ${participantID} ${rule}`);
    this.participantID = participantID;
  }
}
