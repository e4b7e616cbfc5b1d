// The Node entry: undici's dispatcher as the transport (and its WebSocket for the event
// channel), the host-password token flow, and tracing on node:diagnostics_channel.
import * as diagnostics from "node:diagnostics_channel";
import { makeClient, type MeetingClient } from "./client.js";
import type { MeetingClientOptions } from "./options.js";
import { managedTokens } from "./token/managed.js";
import { tracing as tracingOn, type Tracing } from "./tracing.js";
import { undiciSender, undiciWebSocket } from "./transport/undici.js";

export * from "./exports.js";

// Made with the first client, not at import: an import does no work (npm run bench times it).
let tracing: Tracing | undefined;

/**
 * Creates a client. Options are checked here: a bad one throws `MeetingInputError` naming it.
 * Conference handles take `{ token }`, `{ token: provider }` or `{ hostPassword }`.
 */
export function createMeetingClient(options?: MeetingClientOptions): MeetingClient {
  tracing ??= tracingOn(diagnostics);
  const traced = tracing;
  return makeClient(options, {
    sender: undiciSender as Parameters<typeof makeClient>[1]["sender"],
    takesDispatcher: true,
    managedTokens: (api, transport, settings) => managedTokens(api, transport, settings, traced?.token),
    webSocket: undiciWebSocket,
    traceAttempt: traced?.attempt,
    traceOperation: traced?.operation,
  });
}
