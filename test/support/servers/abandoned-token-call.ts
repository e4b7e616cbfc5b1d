// A process that starts a call needing a token, aborts it when told (IPC "abort"), reports
// "aborted", and lets go of IPC: it must then exit by itself, since nothing of the call may
// outlive it. argv: the base URL, and the transport (undici, fetch, caller's fetch).
import { createMeetingClient as onUndici } from "../../../src/node.js";
import { createMeetingClient as onFetch } from "../../../src/universal.js";

const [baseUrl, transport] = process.argv.slice(2) as [string, string];
const options = { baseUrl, ...(transport === "caller's fetch" ? { fetch: (url: string, init: RequestInit) => globalThis.fetch(url, init) } : {}) };
const meeting = transport === "fetch" ? onFetch(options) : onUndici(options);
const controller = new AbortController();
const call = meeting.conference("1", { hostPassword: "EXAMPLE-host-password-55d" }).inviteToShare("p1", { signal: controller.signal });
process.once("message", () => {
  controller.abort();
  void call.catch(() => {}).then(() => process.send!("aborted", () => process.disconnect()));
});
