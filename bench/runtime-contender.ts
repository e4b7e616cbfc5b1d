// One contender of the runtime rows (bench/runtimes.ts), in a process of its own on Node, Bun or
// Deno: bundled by esbuild (bench/runtimes.ts) so that every runtime runs the same file, each
// contender's code in a chunk of its own that only its process loads. The parent talks over
// stdin and stdout, one JSON line each way (no runtime but Node has Node's IPC channel): it
// sends { total, inFlight } and gets back the rate and the CPU per call.
import process from "node:process";
import { createInterface } from "node:readline";
import { type Call, callsPerSecond } from "./rate.js";
import type { RuntimeContenderName } from "./runtime-names.js";
import { BODY, CONFERENCE, HEADERS, INVITE_URL, PARAMS, PARTICIPANT, PATH, STATIC_TOKEN } from "./wire.js";

const RUNTIME_CONTENDERS: Record<RuntimeContenderName, (base: string) => Promise<Call>> = {
  "raw fetch":
    async (base: string): Promise<Call> =>
    async () => {
      const response = await fetch(base + INVITE_URL, { method: "PUT", headers: HEADERS, body: BODY });
      await response.text();
    },
  // The reference of the targets: openapi-fetch as an application would use it, with the
  // AbortSignal per call that any client able to time out or cancel a request needs.
  "bare openapi-fetch + an AbortSignal per call": async (base: string): Promise<Call> => {
    const { default: createClient } = await import("openapi-fetch");
    const bare = createClient<import("../src/generated/schema.js").paths>({ baseUrl: base });
    return () => bare.PUT(PATH, { params: PARAMS, body: { share: 1 }, signal: new AbortController().signal });
  },
  // The same openapi-fetch, on this package's transport (timeout, retries, the size cap, error
  // mapping of the answer left to the caller): the floor under the facade's own work.
  "universal entry, meeting.api": async (base: string): Promise<Call> => {
    const { createMeetingClient } = await import("../dist/universal.js");
    const { api } = createMeetingClient({ baseUrl: base });
    return () => api.PUT(PATH, { params: PARAMS, body: { share: 1 } });
  },
  "universal entry, { token }": async (base: string): Promise<Call> => {
    const { createMeetingClient } = await import("../dist/universal.js");
    const conf = createMeetingClient({ baseUrl: base }).conference(CONFERENCE, { token: STATIC_TOKEN });
    return () => conf.inviteToShare(PARTICIPANT);
  },
};

/** CPU time used so far, in µs; 0 where the runtime does not tell. */
const cpuMicros = () => {
  const usage = typeof process.cpuUsage === "function" ? process.cpuUsage() : undefined;
  return usage ? usage.user + usage.system : 0;
};

const [name, base] = process.argv.slice(2) as [RuntimeContenderName, string];
const make = RUNTIME_CONTENDERS[name];
if (!make) throw new Error(`no runtime contender named ${name}`);
const call = await make(base);
const lines = createInterface({ input: process.stdin });
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
for await (const line of lines) {
  const { total, inFlight } = JSON.parse(line) as { total: number; inFlight: number };
  try {
    const cpu = cpuMicros();
    const rate = await callsPerSecond(call, total, inFlight);
    process.stdout.write(`${JSON.stringify({ rate, cpuPerCall: (cpuMicros() - cpu) / total })}\n`);
  } catch (error) {
    // A failed run ends the process: the parent sees the exit instead of waiting for an answer.
    console.error(error);
    process.exit(1);
  }
}
