import { apiError } from "./errors.js";

/** Per-call options of every facade method. */
export interface CallOptions {
  /** Aborts the call: no further attempt is made and the call rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** What openapi-fetch resolves with when asked for `parseAs: "text"`. */
interface TextResult {
  data?: string;
  error?: unknown;
  response: Response;
}

/**
 * Turns a call's result into its JSON object: throws the mapped error for an error status,
 * and a `MeetingApiError` for a success whose body is not a JSON object. An empty body is
 * `undefined`.
 */
export function readJson<T extends object>({ data, error, response }: TextResult): T | undefined {
  if (!response.ok) throw apiError(response, error);
  if (data === undefined || data.trim() === "") return undefined;
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    throw apiError(response, data, "the answer is not JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw apiError(response, body, "the answer is not a JSON object");
  }
  return body as T;
}
