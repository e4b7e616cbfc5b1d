// The smoke for runtimes that run a script (Node, Bun, Deno): imports the installed package the
// way this runtime resolves it, runs the story, and prints one JSON line.
// Usage: <runtime> server-runtime.mjs <baseUrl> <conferenceID> <hostPassword> [events]
import * as pkg from "huaweicloud-meeting-control";
import { codegen, story } from "./story.mjs";

const args = globalThis.Deno ? globalThis.Deno.args : process.argv.slice(2);
const [baseUrl, conferenceID, hostPassword, events] = args;
const resolved = import.meta.resolve("huaweicloud-meeting-control");
const entry = resolved.slice(resolved.lastIndexOf("/huaweicloud-meeting-control/") + "/huaweicloud-meeting-control/".length);
const webSocket = typeof WebSocket === "function" || entry === "dist/index.js"; // the Node entry has undici's
const result = await story(pkg, { baseUrl, conferenceID, hostPassword, events: events === "events" }, webSocket);
console.log(JSON.stringify({ entry, codegen: codegen(), ...result }));
