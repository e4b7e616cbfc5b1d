import { MeetingInputError } from "./errors.js";

/** Longest conferenceID or participantID accepted; the vendor's IDs are far shorter. */
export const MAX_ID_LENGTH = 256;

// C0 controls, DEL, C1 controls, and half a UTF-16 pair without its other half.
const NOT_IN_ID = /[\u0000-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// A header value: visible ASCII, space, tab or Latin-1, not starting or ending with white space.
const HEADER_VALUE = /^(?![\t ])[\t\u0020-\u007e\u0080-\u00ff]+(?<![\t ])$/;

/** Throws the `MeetingInputError` for `field` breaking `rule`. */
export function fail(field: string, rule: string): never {
  throw new MeetingInputError(field, rule);
}

/** `value` as a non-empty string, or the error that names `field`. */
function text(field: string, value: unknown): string {
  if (typeof value !== "string") fail(field, `must be a string, got ${kind(value)}`);
  return value || fail(field, "must not be empty");
}

/** A conferenceID or participantID: a non-empty string, sent exactly as given. */
export function checkId(field: string, value: unknown): string {
  const id = text(field, value);
  if (id.length > MAX_ID_LENGTH) fail(field, `must be at most ${MAX_ID_LENGTH} characters`);
  if (NOT_IN_ID.test(id)) fail(field, "must not hold control characters or lone surrogates");
  return id;
}

/** A secret sent in a header (token, host password, nonce). The message never shows the value. */
export function checkSecret(field: string, value: unknown): string {
  const secret = text(field, value);
  if (!HEADER_VALUE.test(secret)) {
    fail(field, "must be a header value: Latin-1, no CR, LF or controls, no edge spaces");
  }
  return secret;
}

/** What a caller passed, for a message: a number as itself, anything else by its kind. Never a string's value. */
export function kind(value: unknown): string {
  return typeof value === "number" ? String(value) : value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}
