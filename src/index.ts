import { makeClient, type MeetingClient, type MeetingClientOptions } from "./client.js";
import { managedTokens } from "./managed-token.js";

export * from "./exports.js";

/**
 * Creates a client. Options are checked here: a bad one throws `MeetingInputError` naming it.
 * Conference handles take `{ token }`, `{ token: provider }` or `{ hostPassword }`.
 */
export function createMeetingClient(options?: MeetingClientOptions): MeetingClient {
  return makeClient(options, managedTokens);
}
