import { MeetingInputError } from "./errors.js";

/** Longest conferenceID or participantID accepted; the vendor's IDs are far shorter. */
export const MAX_ID_LENGTH = 256;

// C0 controls, DEL and C1 controls: never part of an ID.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Half of a UTF-16 pair without its other half: cannot be percent-encoded.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// A header value is visible ASCII, space, tab or Latin-1 (RFC 9110 field-value; fetch's ByteString).
const HEADER_VALUE = /^[\t\u0020-\u007e\u0080-\u00ff]+$/;

/** A conferenceID or participantID: a non-empty string, sent exactly as given. */
export function checkId(field: string, value: unknown): string {
  if (typeof value !== "string") throw new MeetingInputError(field, `must be a string, got ${kind(value)}`);
  if (value === "") throw new MeetingInputError(field, "must not be empty");
  if (value.length > MAX_ID_LENGTH) throw new MeetingInputError(field, `must be at most ${MAX_ID_LENGTH} characters`);
  if (CONTROL.test(value)) throw new MeetingInputError(field, "must not contain control characters");
  if (LONE_SURROGATE.test(value)) throw new MeetingInputError(field, "must be well-formed Unicode (no lone surrogates)");
  return value;
}

/** A secret sent in a header (token, host password, nonce). The message never shows the value. */
export function checkSecret(field: string, value: unknown): string {
  if (typeof value !== "string") throw new MeetingInputError(field, `must be a string, got ${kind(value)}`);
  if (value === "") throw new MeetingInputError(field, "must not be empty");
  if (value.trim() !== value) throw new MeetingInputError(field, "must not begin or end with white space");
  if (!HEADER_VALUE.test(value)) {
    throw new MeetingInputError(field, "must hold only characters allowed in an HTTP header value (no CR, LF or other controls)");
  }
  return value;
}

export function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  return typeof value;
}
