// Reading a call's answer: its JSON object, or the one error mapper's error.
import type { MeetingApiError } from "../errors.js";

/**
 * Turns a call's result (openapi-fetch's, with `parseAs: "text"`) into its JSON object:
 * throws the mapped error for an error status, and a `MeetingApiError` for a success whose
 * body is not a JSON object. An empty body is `undefined`. `call` is the method and path,
 * for messages; `secrets` are what the request carried, redacted from any error.
 */
export async function readJson<T extends object>(
  call: string,
  { data, error, response }: { data?: string; error?: unknown; response: Response },
  secrets: readonly string[],
): Promise<T | undefined> {
  if (!response.ok) throw await apiError(call, response, error, secrets);
  if (!data?.trim()) return undefined;
  let body: unknown = data;
  try {
    body = JSON.parse(data);
  } catch {}
  if (!body || typeof body !== "object" || Array.isArray(body)) throw await apiError(call, response, body, secrets, "the answer is not a JSON object");
  return body as T;
}

/**
 * The `MeetingApiError` for an answer (see api-error.ts). Its code, which reads and redacts
 * what the server sent, loads on the first error: a successful call never pays for it.
 */
export async function apiError(...args: Parameters<typeof import("../api-error.js").apiError>): Promise<MeetingApiError> {
  return (await import("../api-error.js")).apiError(...args);
}
