// The Node entry: undici's request() as the transport, and the host-password token flow.
import { makeClient, type MeetingClient, type MeetingClientOptions } from "./client.js";
import { managedTokens } from "./managed-token.js";
import { undiciSender } from "./transport/undici.js";

export * from "./exports.js";

/**
 * Creates a client. Options are checked here: a bad one throws `MeetingInputError` naming it.
 * Conference handles take `{ token }`, `{ token: provider }` or `{ hostPassword }`.
 */
export function createMeetingClient(options?: MeetingClientOptions): MeetingClient {
  return makeClient(options, { sender: undiciSender as (dispatcher: unknown) => ReturnType<typeof undiciSender>, managedTokens });
}
