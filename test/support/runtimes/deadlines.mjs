// The attempts' deadlines on this runtime (Deno shares one timer among them, the others arm one
// each), with the installed package, against a server that answers the participant "quick" and
// never answers anyone else. Prints one JSON line; the process must then end by itself.
// Usage: <runtime> deadlines.mjs <baseUrl>
import { createMeetingClient } from "huaweicloud-meeting-control";

const deno = globalThis.Deno;
const baseUrl = deno ? deno.args[0] : process.argv[2];
const conf = createMeetingClient({ baseUrl, maxRetries: 0 }).conference("986947855", { token: "EXAMPLE-token" });

const after = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const started = performance.now();
/** Invites `pid` after `delay` ms with a timeout of `timeoutMs`: how the call ended, and when (ms after it began). */
const attempt = async (pid, timeoutMs, delay) => {
  await after(delay);
  const begun = performance.now();
  const outcome = await conf.inviteToShare(pid, { timeoutMs }).then(
    () => "answered",
    (error) => error.name,
  );
  return { pid, outcome, ms: Math.round(performance.now() - begun), endedAt: Math.round(performance.now() - started) };
};
// The shorter deadline, armed later, falls first.
const calls = await Promise.all([attempt("stall-a", 600, 0), attempt("stall-b", 200, 100), attempt("quick", 600, 50)]);
// Answered at once, last: its deadline (the default 10 s), cleared, must not keep the process running.
await conf.inviteToShare("quick");
console.log(JSON.stringify(calls));
