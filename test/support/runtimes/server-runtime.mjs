// The smoke for runtimes that run a script (Node, Bun, Deno): imports the installed package the
// way this runtime resolves it, runs the story, and prints one JSON line.
// Usage: <runtime> server-runtime.mjs <baseUrl>, with SMOKE_CONFERENCE_ID and SMOKE_HOST_PASSWORD
// in the environment (so that the password is never on a command line).
import * as pkg from "huaweicloud-meeting-control";
import { codegen, story } from "./story.mjs";

const deno = globalThis.Deno;
const baseUrl = deno ? deno.args[0] : process.argv[2];
const env = (name) => (deno ? deno.env.get(name) : process.env[name]);
const resolved = import.meta.resolve("huaweicloud-meeting-control");
const entry = resolved.slice(resolved.lastIndexOf("/huaweicloud-meeting-control/") + "/huaweicloud-meeting-control/".length);
const server = { baseUrl, conferenceID: env("SMOKE_CONFERENCE_ID"), hostPassword: env("SMOKE_HOST_PASSWORD") };
// The Node entry brings undici's WebSocket (Node 20 has no global one); the others use the global.
const webSocket = entry === "dist/node.js" ? "undici's WebSocket (the Node entry's)" : typeof WebSocket === "function" ? "the global WebSocket" : undefined;
const result = await story(pkg, server, webSocket);
console.log(JSON.stringify({ entry, codegen: codegen(), ...result }));
