// Memory and handles over many calls, in a process of its own (run with --expose-gc): the
// parent sends { steps } (call counts, ascending) and gets back, for each, the heap, the RSS
// and the active handles after that many calls, 64 in flight, collected twice.
import { contender } from "./contenders.js";

const [name, base] = process.argv.slice(2) as [string, string];
const call = await contender(name, base);
const exposed = (globalThis as { gc?: () => void }).gc;
if (!exposed) throw new Error("run with node --expose-gc (bench/run.ts does)");
const gc: () => void = exposed;

export interface Memory {
  calls: number;
  heapUsed: number;
  rss: number;
  handles: number;
}

async function measure(steps: number[]): Promise<Memory[]> {
  const memory: Memory[] = [];
  let next = 0;
  for (const calls of steps) {
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next < calls) {
          next++;
          await call();
        }
      }),
    );
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
    gc();
    const { heapUsed, rss } = process.memoryUsage();
    memory.push({ calls, heapUsed, rss, handles: process.getActiveResourcesInfo().length });
  }
  return memory;
}

process.once(
  "message",
  ({ steps }: { steps: number[] }) =>
    void measure(steps).then(
      (memory) => process.send!(memory),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    ),
);
process.send!({ ready: true });
