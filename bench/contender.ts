// One contender in a process of its own, so that no contender shares a connection pool, a
// global dispatcher or a JIT profile with another (importing undici 7, for one, would put
// Node's own fetch on undici 7's global pool). The parent sends { total, inFlight } and gets
// back the rate, the CPU per call and the memory of this process.
import { callsPerSecond, contender } from "./contenders.js";

const [name, base] = process.argv.slice(2) as [string, string];
const call = await contender(name, base);

async function run({ total, inFlight }: { total: number; inFlight: number }): Promise<void> {
  const cpu = process.cpuUsage();
  const rate = await callsPerSecond(call, total, inFlight);
  const used = process.cpuUsage(cpu);
  const { rss, heapUsed } = process.memoryUsage();
  process.send!({ rate, cpuPerCall: (used.user + used.system) / total, rss, heapUsed });
}

// A failed run ends the process: the parent sees the exit instead of waiting for an answer.
process.on(
  "message",
  (message: { total: number; inFlight: number }) =>
    void run(message).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    }),
);
process.send!({ ready: true });
