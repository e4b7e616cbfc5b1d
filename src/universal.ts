// The entry for other server runtimes (Deno, Bun, workers): the global fetch as the
// transport, and the host-password token flow.
import { makeClient, type MeetingClient, type MeetingClientOptions } from "./client.js";
import { managedTokens } from "./managed-token.js";
import { fail } from "./validate.js";
import { fetchSender } from "./transport.js";

export * from "./exports.js";

const sender = fetchSender((url, init) => globalThis.fetch(url, init));

/**
 * Creates a client. Options are checked here: a bad one throws `MeetingInputError` naming it.
 * Conference handles take `{ token }`, `{ token: provider }` or `{ hostPassword }`.
 */
export function createMeetingClient(options?: MeetingClientOptions): MeetingClient {
  return makeClient(options, {
    sender: (dispatcher) => (dispatcher === undefined ? sender : fail("dispatcher", "is for Node only")),
    managedTokens,
  });
}
