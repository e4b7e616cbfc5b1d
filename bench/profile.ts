// A CPU profile of the facade on the undici transport, 64 in flight: node --cpu-prof.
import { fork } from "node:child_process";
import { contenders, measure } from "./throughput.js";

const server = fork(new URL("./server.ts", import.meta.url).pathname, [], { execArgv: ["--import", "tsx"] });
const port = await new Promise<number>((resolve) => server.once("message", (m: { port: number }) => resolve(m.port)));
const call = contenders(`http://127.0.0.1:${port}`)[process.argv[2] ?? "facade, undici transport, static token"]!;
await measure(call, 2_000, 64);
console.log(Math.round(await measure(call, 40_000, 64)), "calls/s");
server.kill();
