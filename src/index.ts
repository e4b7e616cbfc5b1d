// The Node entry: undici's request() as the transport, the host-password token flow, and
// tracing on node:diagnostics_channel.
import * as diagnostics from "node:diagnostics_channel";
import { makeClient, type MeetingClient, type MeetingClientOptions } from "./client.js";
import { managedTokens } from "./managed-token.js";
import { traceClient, tracing as tracingOn } from "./tracing.js";
import { undiciSender, undiciWebSocket } from "./transport/undici.js";

export * from "./exports.js";

// Made with the first client, not at import: an import does no work (npm run bench times it).
let tracing: ReturnType<typeof tracingOn>;

/**
 * Creates a client. Options are checked here: a bad one throws `MeetingInputError` naming it.
 * Conference handles take `{ token }`, `{ token: provider }` or `{ hostPassword }`.
 */
export function createMeetingClient(options?: MeetingClientOptions): MeetingClient {
  const traced = (tracing ??= tracingOn(diagnostics));
  return traceClient(
    makeClient(options, {
      sender: undiciSender as (dispatcher: unknown) => ReturnType<typeof undiciSender>,
      managedTokens: (api, transport) => managedTokens(api, transport, options, traced?.token),
      webSocket: undiciWebSocket,
      tracing: traced,
    }),
    traced,
  );
}
