// npm run bench:profile: a CPU profile (.profiles/*.cpuprofile, for Chrome DevTools) of one
// contender, 64 in flight, in this process; the Node entry unless named:
// npm run bench:profile -- "raw fetch"
import { fork } from "node:child_process";
import { callsPerSecond, contender } from "./contenders.js";

const server = fork(new URL("./server.ts", import.meta.url).pathname, [], { execArgv: ["--import", "tsx"] });
const port = await new Promise<number>((resolve) => server.once("message", (m: { port: number }) => resolve(m.port)));
const call = await contender(process.argv[2] ?? "Node entry (undici), { token }", `http://127.0.0.1:${port}`);
await callsPerSecond(call, 2_000, 64);
console.log(Math.round(await callsPerSecond(call, 40_000, 64)), "calls/s");
server.kill();
