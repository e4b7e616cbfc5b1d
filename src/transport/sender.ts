// What a sender is: one attempt out, the whole answer back. Two exist: undici's (Node) and
// fetch's (every other runtime, and any `fetch` a caller passes).
import { MeetingError } from "../errors.js";

/** A WHATWG `fetch`, as a caller may pass one: called as `fetch(url, init)`. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/**
 * What one attempt sends, and `limit`: the most body bytes to read (decoded). The sender sets
 * `abort`: how to stop this attempt if it is given up; and `status` as soon as the answer's
 * status and headers are in: from then on, the attempt is never repeated.
 */
export interface SendInit {
  method: string;
  headers: Headers;
  body: string | ArrayBuffer | null;
  limit: number;
  abort?: () => void;
  status?: number;
}

/**
 * A sender's rejection when the exchange failed before any answer came (refused, reset, DNS,
 * TLS …): what the network did, the one failure worth another attempt. Any other rejection
 * (the client's own code failing, an answer cut off) ends the call.
 */
export class NoAnswer {
  constructor(readonly cause: unknown) {}
}

/**
 * Sends one attempt without following a redirect, and resolves with the whole answer, body
 * read; rejects with `NoAnswer` when the network failed before an answer, and with
 * `tooLarge()` once the body passes `init.limit`.
 */
export type Sender = (url: string, init: SendInit) => Promise<Response>;

/** The error for a body past `limit` bytes: final, never retried. */
export function tooLarge(url: string, { method, limit }: SendInit): MeetingError {
  return new MeetingError(`${method} ${url}: the answer is larger than maxResponseBytes (${limit} bytes); not read`);
}
