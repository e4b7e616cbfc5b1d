// The input rules every caller's value passes before anything is sent: IDs, secrets, header
// names and values, objects, unknown keys; and the one way a rule fails, `fail()`.
import { MeetingInputError } from "../errors.js";
import { SECRET_HEADERS } from "../secrets.js";

/** Longest conferenceID or participantID accepted; the vendor's IDs are far shorter. */
const MAX_ID_LENGTH = 256;

// C0 controls, DEL, C1 controls, and half a UTF-16 pair without its other half.
const NOT_IN_ID = /[\u0000-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// A header value: visible ASCII, space, tab or Latin-1, not starting or ending with white space.
const HEADER_VALUE = /^(?![\t ])[\t\u0020-\u007e\u0080-\u00ff]+(?<![\t ])$/;

// An HTTP token (RFC 9110): what a header name may hold.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Longest timeout accepted: what a timer can hold (about 24.8 days). */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Throws the `MeetingInputError` for `field` breaking `rule`. */
export function fail(field: string, rule: string): never {
  throw new MeetingInputError(field, rule);
}

/** The keys an options object may hold, typed so that the compiler keeps them in step with its interface. */
export type Known<T> = Record<T extends unknown ? keyof T : never, 1>;

/**
 * Throws for a key of `value` that is not in `known`, naming it and the known key it is
 * closest to: a misspelt option must not be ignored silently (`baseURL` would send to production).
 */
export function checkKeys(prefix: string, value: object, known: Known<unknown> | Record<string, 1>): void {
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(known, key)) continue;
    const near = nearest(key, Object.keys(known));
    const message = `unknown option ${prefix}${key}${near ? ` — did you mean ${prefix}${near}?` : ""}`;
    // Stryker disable next-line StringLiteral: given its message, a MeetingInputError never reads its rule.
    throw new MeetingInputError(prefix + key, "", message);
  }
}

/** The first of `known` that `typed` is a likely misspelling of, letter case aside. */
export const nearest = (typed: string, known: string[]): string | undefined => known.find((k) => close(k.toLowerCase(), typed.toLowerCase()));

/** Whether `b` is a likely misspelling of `a`: one holds the other, or at most a third of the letters differ. */
function close(a: string, b: string): boolean {
  if (b.length > 3 && (a.includes(b) || b.includes(a))) return true;
  // Levenshtein distance, one row at a time.
  let row = [...Array(b.length + 1).keys()];
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost);
    }
    row = next;
  }
  return (row[b.length] ?? 0) <= Math.ceil(b.length / 3);
}

/**
 * Per-call headers: names that are HTTP tokens, values that are header values, and none of
 * the secret headers, which come from the conference's auth alone.
 */
export function checkHeaders(field: string, value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) fail(field, `must be an object of header names to values, got ${kind(value)}`);
  for (const [name, item] of Object.entries(value)) {
    if (!HEADER_NAME.test(name)) fail(field, `holds a name that is not a header name: ${JSON.stringify(name)}`);
    if (SECRET_HEADERS.includes(name.toLowerCase())) fail(`${field}.${name}`, "cannot be set per call: it comes from the conference's auth");
    if (typeof item !== "string" || (item !== "" && !isHeaderValue(item))) fail(`${field}.${name}`, `${HEADER_RULE}, got ${kind(item)}`);
  }
  return value as Record<string, string>;
}

/** `value` as an object, or the error that names `field`. */
export function object<T>(field: string, value: T): T {
  return value && typeof value === "object" ? value : fail(field, `must be an object, got ${kind(value)}`);
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

export const HEADER_RULE = "must be a header value: Latin-1, no CR, LF or controls, no edge spaces";

/** Whether `value` can be sent as a header value as it is. */
export const isHeaderValue = (value: string): boolean => HEADER_VALUE.test(value);

/** A secret sent in a header (token, host password, nonce). The message never shows the value. */
export function checkSecret(field: string, value: unknown): string {
  const secret = text(field, value);
  return isHeaderValue(secret) ? secret : fail(field, HEADER_RULE);
}

/** What a caller passed, for a message: a number as itself, anything else by its kind. Never a string's value. */
export function kind(value: unknown): string {
  return typeof value === "number" ? String(value) : value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}
