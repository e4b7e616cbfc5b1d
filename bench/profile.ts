// npm run bench:profile: a CPU profile (.profiles/*.cpuprofile, for Chrome DevTools) of one
// contender, 64 in flight; the facade on the Node entry unless named: bench/profile.ts "raw fetch".
import { fork } from "node:child_process";
import { contenders, measure } from "./throughput.js";

const server = fork(new URL("./server.ts", import.meta.url).pathname, [], { execArgv: ["--import", "tsx"] });
const port = await new Promise<number>((resolve) => server.once("message", (m: { port: number }) => resolve(m.port)));
const call = contenders(`http://127.0.0.1:${port}`)[process.argv[2] ?? "facade, Node entry (undici), static token"]!;
await measure(call, 2_000, 64);
console.log(Math.round(await measure(call, 40_000, 64)), "calls/s");
server.kill();
