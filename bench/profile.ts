// npm run bench:profile: a CPU profile (.profiles/*.cpuprofile, for Chrome DevTools) of one
// contender, 64 in flight, in this process; the Node entry unless named:
// npm run bench:profile -- "raw fetch"
import { fork } from "node:child_process";
import { contender } from "./contenders.js";

const server = fork(new URL("./server.ts", import.meta.url).pathname, [], { execArgv: ["--import", "tsx"] });
const port = await new Promise<number>((resolve) => server.once("message", (m: { port: number }) => resolve(m.port)));
const call = await contender(process.argv[2] ?? "Node entry (undici), { token }", `http://127.0.0.1:${port}`);
async function measure(total: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next++ < total) await call();
    }),
  );
  return total / ((performance.now() - started) / 1000);
}
await measure(2_000);
console.log(Math.round(await measure(40_000)), "calls/s");
server.kill();
