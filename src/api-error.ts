// The one place a response becomes an error, reading and redacting what the server sent. It is
// loaded up front with every call path: an error must not wait on loading code.
import { AuthenticationError, BadRequestError, InternalServerError, MeetingApiError, PermissionDeniedError } from "./errors.js";
import { redactDeep, redactResponseHeaders } from "./redact.js";
import { SECRET_HEADERS } from "./validate.js";

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
  const Class =
    status === 400
      ? BadRequestError
      : status === 401
        ? AuthenticationError
        : status === 403
          ? PermissionDeniedError
          : status >= 500 && status < 600
            ? InternalServerError
            : MeetingApiError;
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

function pick(fields: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = fields[name];
    if (typeof value === "string" ? value : typeof value === "number") return String(value);
  }
  return undefined;
}

/** A redirect is an error naming its status and `Location`, any secret the request carried redacted. */
export function redirectError(call: string, response: Response, sent: Headers): MeetingApiError {
  const secrets = SECRET_HEADERS.flatMap((name) => sent.get(name) ?? []);
  const location = response.headers.get("Location");
  const where = response.type === "opaqueredirect" ? "hidden by the browser" : location === null ? "without Location" : `to ${JSON.stringify(redactDeep(location, secrets))}`;
  return apiError(call, response, undefined, secrets, `redirect ${where}: not followed`);
}
