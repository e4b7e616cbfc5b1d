// The browser entry: the page's fetch as the transport; no host password.
import { makeClient, type MeetingClient } from "./client.js";
import type { MeetingClientOptions } from "./options.js";
import { fetchSender } from "./transport/fetch.js";

export * from "./exports.js";

const sender = fetchSender((url, init) => globalThis.fetch(url, init));

/**
 * Creates a client for the browser. Options are checked here: a bad one throws
 * `MeetingInputError` naming it. Conference handles take `{ token }` or `{ token: provider }`:
 * a host password does not belong in a page, so `{ hostPassword }` is refused — keep it on a
 * server, and let the provider ask that server for a token.
 */
export function createMeetingClient(options?: MeetingClientOptions): MeetingClient {
  return makeClient(options, { sender: () => sender, takesDispatcher: false });
}
