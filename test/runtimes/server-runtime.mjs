// The smoke for runtimes that run a script (Node, Bun, Deno): imports the installed package the
// way this runtime resolves it, runs the story, and prints one JSON line.
// Usage: <runtime> server-runtime.mjs <baseUrl>, with SMOKE_CONFERENCE_ID, SMOKE_HOST_PASSWORD
// (in the environment, so that it is never on a command line) and SMOKE_EVENTS=1 when the
// server has the event channel.
import * as pkg from "huaweicloud-meeting-control";
import { codegen, story } from "./story.mjs";

const deno = globalThis.Deno;
const baseUrl = deno ? deno.args[0] : process.argv[2];
const env = (name) => (deno ? deno.env.get(name) : process.env[name]);
const resolved = import.meta.resolve("huaweicloud-meeting-control");
const entry = resolved.slice(resolved.lastIndexOf("/huaweicloud-meeting-control/") + "/huaweicloud-meeting-control/".length);
const server = { baseUrl, conferenceID: env("SMOKE_CONFERENCE_ID"), hostPassword: env("SMOKE_HOST_PASSWORD"), events: env("SMOKE_EVENTS") === "1" };
const webSocket = typeof WebSocket === "function" || entry === "dist/index.js"; // the Node entry has undici's
const result = await story(pkg, server, webSocket);
console.log(JSON.stringify({ entry, codegen: codegen(), ...result }));
