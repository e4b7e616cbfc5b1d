// The one place an answer becomes an error: a REST response, a redirect, or the event channel's
// refusal of a subscription. It reads and redacts what the server sent, and is loaded up front
// with every call path: an error must not wait on loading code.
import { AuthenticationError, BadRequestError, InternalServerError, MeetingApiError, PermissionDeniedError } from "./errors.js";
import { redactDeep, redactResponseHeaders } from "./redact.js";
import { SECRET_HEADERS } from "./secrets.js";

/**
 * The one place a response becomes an error: picks the class by status and reads the
 * vendor's fields. `call` is the method and path (`GET /v1/…`); `secrets` (the token or
 * password the request carried) are redacted wherever a server echoed them: body, code,
 * message, header values. Any status without a class of its own (a 404, a 600) is a plain
 * `MeetingApiError`.
 */
export function apiError(call: string, response: Response, body: unknown, secrets: readonly string[], detail?: string): MeetingApiError {
  const { status } = response;
  body = redactDeep(body === "" ? undefined : body, secrets);
  const fields = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const headers = redactResponseHeaders(response.headers, secrets);
  const Class = errorClass(status);
  return new Class(
    call,
    {
      status,
      errorCode: pick(fields, "error_code", "errorCode", "code") ?? String(status),
      errorMsg: pick(fields, "error_msg", "errorMsg", "message"),
      requestId: headers.get("X-Request-Id") ?? undefined,
      body,
      headers,
    },
    detail && ` (${detail})`,
  );
}

/** The class of the error for an HTTP status; a status without a class of its own is a plain `MeetingApiError`. */
function errorClass(status: number): typeof MeetingApiError {
  if (status === 400) return BadRequestError;
  if (status === 401) return AuthenticationError;
  if (status === 403) return PermissionDeniedError;
  if (status >= 500 && status < 600) return InternalServerError;
  return MeetingApiError;
}

function pick(fields: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = fields[name];
    if (typeof value === "string" ? value : typeof value === "number") return String(value);
  }
  return undefined;
}

/** A redirect is an error naming its status and `Location`, any secret the request carried redacted. */
export function redirectError(call: string, response: Response, sent: Headers): MeetingApiError {
  // Stryker disable next-line ArrayDeclaration: a header not sent adds no secret; a made-up one in its place is text no redirect holds.
  const secrets = SECRET_HEADERS.flatMap((name) => sent.get(name) ?? []);
  const location = response.headers.get("Location");
  const where = response.type === "opaqueredirect" ? "hidden by the browser" : location === null ? "without Location" : `to ${JSON.stringify(redactDeep(location, secrets))}`;
  return apiError(call, response, undefined, secrets, `redirect ${where}: not followed`);
}

/**
 * The event channel refused a subscription: the `AuthenticationError` a refused REST call
 * would be, with the reply's `returnCode` and `returnDesc` as the vendor's code and message,
 * and `secrets` (the token the subscription carried) redacted from the reply.
 */
export function channelRefusal(reply: unknown, secrets: readonly string[]): MeetingApiError {
  const body = redactDeep(reply, secrets);
  const fields = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const errorCode = pick(fields, "returnCode") ?? "401";
  // The vendor's examples spell it with a trailing space now and then.
  const errorMsg = pick(fields, "returnDesc", "returnDesc ");
  // Stryker disable next-line StringLiteral: the message this call name shapes is replaced below, before anything (the stack included) can show it.
  const error = new (errorClass(401))("Subscribe on the event channel", { status: 401, errorCode, errorMsg, requestId: undefined, body, headers: new Headers() });
  error.message = `the event channel refused the meeting-control token (returnCode ${errorCode}${errorMsg ? `: ${errorMsg}` : ""})`;
  return error;
}
