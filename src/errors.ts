import { redactDeep, redactResponseHeaders } from "./redact.js";

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
  readonly field: string;

  constructor(field: string, rule: string) {
    super(`${field} ${rule}`);
    this.field = field;
  }
}

/**
 * Thrown when the server answers a call with an error status (or a success whose body is
 * unusable).
 *
 * - `status`: the HTTP status.
 * - `errorCode`: the vendor's code (`MMC.…`, `USG.…`), read from `error_code`, then
 *   `errorCode`, then `code`; the HTTP status as a string when the body has none.
 * - `errorMsg`: the vendor's message, read from `error_msg`, then `errorMsg`, then
 *   `message`; `undefined` when the body has none.
 * - `requestId`: the `X-Request-Id` response header, to quote to the vendor.
 * - `body`: the parsed JSON body, or the raw text when it was not JSON.
 * - `headers`: the response headers.
 */
export class MeetingApiError extends MeetingError {
  override name = "MeetingApiError";
  readonly status: number;
  readonly errorCode: string;
  readonly errorMsg: string | undefined;
  readonly requestId: string | undefined;
  readonly body: unknown;
  readonly headers: Headers;

  constructor(init: ApiErrorInit) {
    super(describe(init));
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.errorMsg = init.errorMsg;
    this.requestId = init.requestId;
    this.body = init.body;
    this.headers = init.headers;
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

/** HTTP 5xx: the server or a gateway in front of it failed. */
export class InternalServerError extends MeetingApiError {
  override name = "InternalServerError";
}

/**
 * Thrown when no response could be had (refused, reset, DNS failure, a body cut short) on
 * every attempt. `attempts` says how many were made; `cause` holds the last underlying error.
 */
export class MeetingConnectionError extends MeetingError {
  override name = "MeetingConnectionError";
  readonly attempts: number;

  constructor(message: string, options: { attempts: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.attempts = options.attempts;
  }
}

/** Thrown when the last attempt got no complete answer within `timeoutMs`. `attempts` says how many were made. */
export class MeetingTimeoutError extends MeetingError {
  override name = "MeetingTimeoutError";
  readonly attempts: number;

  constructor(message: string, options: { attempts: number }) {
    super(message);
    this.attempts = options.attempts;
  }
}

interface ApiErrorInit {
  status: number;
  errorCode: string;
  errorMsg: string | undefined;
  requestId: string | undefined;
  body: unknown;
  headers: Headers;
  detail?: string;
}

function describe({ status, errorCode, errorMsg, requestId, detail }: ApiErrorInit): string {
  let text = `HTTP ${status}`;
  if (errorCode !== String(status)) text += ` ${errorCode}`;
  if (errorMsg) text += `: ${errorMsg}`;
  if (detail) text += ` (${detail})`;
  if (requestId) text += ` [request ${requestId}]`;
  return text;
}

/**
 * The one place a response becomes an error: picks the class by status and reads the
 * vendor's fields. `secrets` (the token or password the request carried) are redacted
 * wherever a server echoed them: body, code, message, headers.
 */
export function apiError(response: Response, body: unknown, detail?: string, secrets: readonly string[] = []): MeetingApiError {
  if (body === "") body = undefined;
  body = redactDeep(body, secrets);
  const fields = isObject(body) ? body : {};
  const headers = redactResponseHeaders(response.headers, secrets);
  const init: ApiErrorInit = {
    status: response.status,
    errorCode: pick(fields, "error_code", "errorCode", "code") ?? String(response.status),
    errorMsg: pick(fields, "error_msg", "errorMsg", "message"),
    requestId: headers.get("X-Request-Id") ?? undefined,
    body,
    headers,
    detail,
  };
  const { status } = response;
  if (status === 400) return new BadRequestError(init);
  if (status === 401) return new AuthenticationError(init);
  if (status === 403) return new PermissionDeniedError(init);
  if (status >= 500) return new InternalServerError(init);
  return new MeetingApiError(init);
}

function pick(fields: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = fields[name];
    if (typeof value === "string" && value !== "") return value;
    if (typeof value === "number") return String(value);
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
