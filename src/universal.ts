// The entry for other server runtimes (Deno, Bun, workers): the global fetch as the
// transport, the host-password token flow, and tracing where the runtime has
// node:diagnostics_channel (looked up at run time: no static import).
import { makeClient, type MeetingClient } from "./client.js";
import type { MeetingClientOptions } from "./options.js";
import { managedTokens } from "./token/managed.js";
import { tracing as tracingOn, type Diagnostics, type Tracing } from "./tracing.js";
import { sharedTimer } from "./transport/deadlines.js";
import { fetchSender } from "./transport/fetch.js";

export * from "./exports.js";

const sender = fetchSender((url, init) => globalThis.fetch(url, init));
// On Deno a timer per attempt costs about a tenth of a call: its attempts share one timer
// (transport/deadlines.ts), let go of so that it never keeps the process running by itself.
const deno = (globalThis as { Deno?: { unrefTimer(id: unknown): void } }).Deno;
let tracing: Tracing | undefined;
let lookedUp = false;

/**
 * Creates a client. Options are checked here: a bad one throws `MeetingInputError` naming it.
 * Conference handles take `{ token }`, `{ token: provider }` or `{ hostPassword }`.
 */
export function createMeetingClient(options?: MeetingClientOptions): MeetingClient {
  // Looked up on the first client, not at import: an import has no side effects.
  if (!lookedUp) {
    const runtime = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
    tracing = tracingOn(runtime.process?.getBuiltinModule?.("node:diagnostics_channel") as Diagnostics | undefined);
    lookedUp = true;
  }
  const traced = tracing;
  return makeClient(options, {
    sender: () => sender,
    takesDispatcher: false,
    managedTokens: (api, transport, settings) => managedTokens(api, transport, settings, traced?.token),
    traceAttempt: traced?.attempt,
    traceOperation: traced?.operation,
    deadlines: deno && (() => sharedTimer((timer) => deno.unrefTimer(timer))),
  });
}
