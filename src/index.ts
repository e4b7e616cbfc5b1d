// The Node entry: undici's request() as the transport, the host-password token flow, and
// tracing on node:diagnostics_channel.
import * as diagnostics from "node:diagnostics_channel";
import { makeClient, type MeetingClient, type MeetingClientOptions } from "./client.js";
import { managedTokens } from "./managed-token.js";
import { traceClient, tracing as tracingOn } from "./tracing.js";
import { undiciSender, undiciWebSocket } from "./transport/undici.js";

export * from "./exports.js";

const tracing = tracingOn(diagnostics);

/**
 * Creates a client. Options are checked here: a bad one throws `MeetingInputError` naming it.
 * Conference handles take `{ token }`, `{ token: provider }` or `{ hostPassword }`.
 */
export function createMeetingClient(options?: MeetingClientOptions): MeetingClient {
  return traceClient(
    makeClient(options, {
      sender: undiciSender as (dispatcher: unknown) => ReturnType<typeof undiciSender>,
      managedTokens: (api, transport) => managedTokens(api, transport, options, tracing?.token),
      webSocket: undiciWebSocket,
      tracing,
    }),
    tracing,
  );
}
