// npm run bench: throughput side by side (alternating contenders, repeated rounds, medians),
// CPU per call, bundle size, cold start, token single flight, and memory over many calls.
import { fork } from "node:child_process";
import { contenders, measure } from "./throughput.js";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

const server = fork(new URL("./server.ts", import.meta.url).pathname, [], { execArgv: ["--import", "tsx"] });
const port = await new Promise<number>((resolve) => server.once("message", (m: { port: number }) => resolve(m.port)));
const base = `http://127.0.0.1:${port}`;

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const calls = contenders(base);
const names = Object.keys(calls);

async function throughput(label: string, total: number, inFlight: number) {
  const results = new Map<string, number[]>(names.map((n) => [n, []]));
  for (const name of names) await measure(calls[name]!, Math.min(total, 500), inFlight); // warm up
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order each round so no contender always runs first.
    const order = round % 2 ? [...names].reverse() : names;
    for (const name of order) results.get(name)!.push(await measure(calls[name]!, total, inFlight));
  }
  const fetchRate = median(results.get("raw fetch")!);
  console.log(`\n### ${label}\n`);
  console.log("| contender | calls/s (median) | × raw fetch |");
  console.log("|---|---:|---:|");
  for (const name of names) {
    const rate = median(results.get(name)!);
    console.log(`| ${name} | ${fmt(rate)} | ${fmt(rate / fetchRate, 2)} |`);
  }
}

console.log(`# npm run bench — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${ROUNDS} rounds`);
await throughput("Sequential (1 in flight)", 2_000, 1);
await throughput("64 in flight", 10_000, 64);
server.kill();
