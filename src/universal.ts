// The entry for other server runtimes (Deno, Bun, workers): the global fetch as the
// transport, the host-password token flow, and tracing where the runtime has
// node:diagnostics_channel (looked up at run time: no static import).
import { makeClient, type MeetingClient, type MeetingClientOptions } from "./client.js";
import { managedTokens } from "./managed-token.js";
import { traceClient, tracing as tracingOn } from "./tracing.js";
import { fail } from "./validate.js";
import { fetchSender } from "./transport.js";

export * from "./exports.js";

const sender = fetchSender((url, init) => globalThis.fetch(url, init));
let tracing: ReturnType<typeof tracingOn> | null = null;

/**
 * Creates a client. Options are checked here: a bad one throws `MeetingInputError` naming it.
 * Conference handles take `{ token }`, `{ token: provider }` or `{ hostPassword }`.
 */
export function createMeetingClient(options?: MeetingClientOptions): MeetingClient {
  // Looked up on the first client, not at import: an import has no side effects.
  if (tracing === null) {
    const runtime = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
    tracing = tracingOn(runtime.process?.getBuiltinModule?.("node:diagnostics_channel") as Parameters<typeof tracingOn>[0]);
  }
  const traced = tracing;
  return traceClient(
    makeClient(options, {
      sender: (dispatcher) => (dispatcher === undefined ? sender : fail("dispatcher", "is for Node only")),
      managedTokens: (api, transport) => managedTokens(api, transport, options, traced?.token),
      tracing: traced,
    }),
    traced,
  );
}
