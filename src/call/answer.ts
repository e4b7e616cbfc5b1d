// Reading a call's answer: its JSON object, or the one error mapper's error.
import { apiError } from "../api-error.js";

/**
 * Turns a call's result (openapi-fetch's, with `parseAs: "text"`) into its JSON object:
 * throws the mapped error for an error status, and a `MeetingApiError` for a success whose
 * body is not a JSON object. An empty body is `undefined`. `call` is the method and path,
 * for messages; `secrets` are what the request carried, redacted from any error.
 */
export function readJson<T extends object>(
  call: string,
  { data, error, response }: { data?: string; error?: unknown; response: Response },
  secrets: readonly string[],
): T | undefined {
  if (!response.ok) throw apiError(call, response, error, secrets);
  if (!data?.trim()) return undefined;
  let body: unknown = data;
  try {
    body = JSON.parse(data);
  } catch {}
  if (!body || typeof body !== "object" || Array.isArray(body)) throw apiError(call, response, body, secrets, "the answer is not a JSON object");
  return body as T;
}

/** The `MeetingApiError` for an answer (see api-error.ts): up front, as every error path is. */
export { apiError };
