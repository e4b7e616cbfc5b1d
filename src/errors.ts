/**
 * Every error this library throws is a `MeetingError`, so one `instanceof` check tells a
 * caller's own failures apart from this client's.
 */
export class MeetingError extends Error {
  override name = "MeetingError";
}

/**
 * Thrown before any request is sent when an argument or option is malformed. `field` names
 * the argument or option; the message states the rule it broke and never echoes a secret.
 */
export class MeetingInputError extends MeetingError {
  override name = "MeetingInputError";
  declare readonly field: string;

  constructor(field: string, rule: string, message = `${field} ${rule}`) {
    super(message);
    this.field = field;
  }
}

/**
 * Thrown when the server answers a call with an error status, a status outside 200–599, or a
 * success whose body is unusable. The message opens with what was called
 * (`PUT /v1/mmc/control/conferences/participants/share/invite: HTTP 401 MMC.… [request …]`).
 *
 * - `status`: the HTTP status.
 * - `errorCode`: the vendor's code (`MMC.…`, `USG.…`), read from `error_code`, then
 *   `errorCode`, then `code`; the HTTP status as a string when the body has none.
 * - `errorMsg`: the vendor's message, read from `error_msg`, then `errorMsg`, then
 *   `message`; `undefined` when the body has none.
 * - `requestId`: the `X-Request-Id` response header, to quote to the vendor.
 * - `body`: the parsed JSON body, or the raw text when it was not JSON.
 * - `headers`: the response headers.
 *
 * A secret the request carried is `[redacted]` wherever the server echoed it (see README, Secrets).
 */
export class MeetingApiError extends MeetingError {
  override name = "MeetingApiError";
  declare readonly status: number;
  declare readonly errorCode: string;
  declare readonly errorMsg: string | undefined;
  declare readonly requestId: string | undefined;
  declare readonly body: unknown;
  declare readonly headers: Headers;

  constructor(call: string, fields: ApiErrorFields, detail = "") {
    const { status, errorCode, errorMsg, requestId } = fields;
    const code = errorCode === String(status) ? "" : ` ${errorCode}`;
    super(`${call}: HTTP ${status}${code}${errorMsg ? `: ${errorMsg}` : ""}${detail}${requestId ? ` [request ${requestId}]` : ""}`);
    Object.assign(this, fields);
  }
}

/** HTTP 400: the server rejected the parameters (for example `MMC.111070005`, no such conference). */
export class BadRequestError extends MeetingApiError {
  override name = "BadRequestError";
}

/** HTTP 401: the meeting-control token or host password was missing or not accepted. */
export class AuthenticationError extends MeetingApiError {
  override name = "AuthenticationError";
}

/** HTTP 403: the caller may not control this meeting. */
export class PermissionDeniedError extends MeetingApiError {
  override name = "PermissionDeniedError";
}

/** HTTP 500–599: the server or a gateway in front of it failed. */
export class InternalServerError extends MeetingApiError {
  override name = "InternalServerError";
}

/**
 * Thrown when no response could be had (refused, reset, DNS failure, a body cut short) on
 * every attempt. `attempts` says how many were made; `cause` holds the last underlying error.
 */
export class MeetingConnectionError extends MeetingError {
  override name = "MeetingConnectionError";
  declare readonly attempts: number;

  constructor(message: string, attempts: number, cause?: unknown) {
    super(message, { cause });
    this.attempts = attempts;
  }
}

/**
 * Thrown when the last attempt got no complete answer within `timeoutMs`. `attempts` says how
 * many were made. A kind of `MeetingConnectionError`: no usable response came back.
 */
export class MeetingTimeoutError extends MeetingConnectionError {
  override name = "MeetingTimeoutError";
}

export interface ApiErrorFields {
  status: number;
  errorCode: string;
  errorMsg: string | undefined;
  requestId: string | undefined;
  body: unknown;
  headers: Headers;
}

/**
 * The error for a call that got no usable answer: `"timeout"` when no answer was complete
 * within `timeoutMs` (`undefined`: "in time"), `{ error }` when none came (`error`, the
 * sender's failure, becomes the `cause`; redact it first where it may hold what a server sent).
 * `unanswered: false` says the failure was not the network's before an answer: the client's
 * own code failed before sending. `arrived` is the status of an answer that came but was not
 * read whole: the server may have acted, so the message says the request was not sent again.
 */
export function noAnswerError(
  call: string,
  outcome: "timeout" | { error: unknown; unanswered?: boolean },
  attempts: number,
  timeoutMs?: number,
  arrived?: number,
): MeetingConnectionError {
  const tries = ` (${attempts} attempt${attempts > 1 ? "s" : ""})`;
  const cut = arrived === undefined ? "" : `the answer (status ${arrived}) arrived, but `;
  const again = arrived === undefined ? "" : "; not sent again";
  if (outcome === "timeout") {
    const limit = timeoutMs === undefined ? "in time" : `within ${timeoutMs} ms`;
    return new MeetingTimeoutError(`${call}: ${cut}no complete answer ${limit}${again}${tries}`, attempts);
  }
  let why = "no response";
  if (cut) why = `${cut}it was cut off or could not be read${again}`;
  else if (outcome.unanswered === false) why = "could not be sent";
  return new MeetingConnectionError(`${call}: ${why}${tries}: ${describe(outcome.error)}`, attempts, outcome.error);
}

/** The most telling part of a failure: the system's code (ECONNREFUSED …) where there is one. */
function describe(error: unknown): string {
  const { cause, message } = (error ?? {}) as { cause?: { code?: string; message?: string }; message?: string };
  return cause?.code ?? cause?.message ?? message ?? String(error);
}
