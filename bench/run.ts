// npm run bench: throughput side by side (alternating contenders, repeated rounds, medians),
// CPU per call, bundle size, cold start, token single flight, and memory over many calls.
// Runs the built package (dist/); `npm run bench` builds it first.
import { execFileSync, fork } from "node:child_process";
import { cpus } from "node:os";
import { join } from "node:path";
import createClient from "openapi-fetch";
import type { paths } from "../src/generated/schema.js";
import { createMeetingClient } from "../dist/index.js";
import { BROWSER_BUDGET, browserEntrySize } from "../scripts/size.js";
import { root } from "../scripts/prism.js";
import { StubDispatcher, stubFetch } from "./stub.js";
import { CONFERENCE, PARAMS, PARTICIPANT, PATH, contenders, measure } from "./throughput.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc (npm run bench does)");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const verdicts: string[] = [];
const target = (ok: boolean, text: string) => verdicts.push(`- ${ok ? "✅" : "❌"} ${text}`);

const server = fork(join(root, "bench/server.ts"), [], { execArgv: ["--import", "tsx"] });
const port = await new Promise<number>((resolve) => server.once("message", (m: { port: number }) => resolve(m.port)));
const base = `http://127.0.0.1:${port}`;
const stats = async () => (await (await fetch(`${base}/stats`)).json()) as { tokenRequests: number };

console.log(`# npm run bench\n\n${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model.trim()} · ${ROUNDS} rounds, medians\n`);

// 1. Throughput, side by side.
const calls = contenders(base);
const names = Object.keys(calls);
async function throughput(label: string, total: number, inFlight: number): Promise<Map<string, number>> {
  const results = new Map<string, number[]>(names.map((n) => [n, []]));
  for (const name of names) await measure(calls[name]!, Math.min(total, 1_000), inFlight); // warm up
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [...names].reverse() : names; // alternate: no contender always runs first
    for (const name of order) results.get(name)!.push(await measure(calls[name]!, total, inFlight));
  }
  const medians = new Map(names.map((n) => [n, median(results.get(n)!)]));
  const fetchRate = medians.get("raw fetch")!;
  console.log(`## Throughput, ${label}\n\n| contender | calls/s | × raw fetch |\n|---|---:|---:|`);
  for (const name of names) console.log(`| ${name} | ${fmt(medians.get(name)!)} | ${fmt(medians.get(name)! / fetchRate, 2)} |`);
  console.log();
  return new Map(names.map((n) => [n, medians.get(n)! / fetchRate]));
}
const sequential = await throughput("sequential (1 in flight)", 2_000, 1);
const parallel = await throughput("64 in flight", 10_000, 64);
target(parallel.get("facade, Node entry (undici), static token")! >= 2, `Node facade ≥ 2× raw fetch with 64 in flight: ${fmt(parallel.get("facade, Node entry (undici), static token")!, 2)}×`);
target(sequential.get("facade, Node entry (undici), static token")! >= 1.5, `Node facade ≥ 1.5× raw fetch sequentially: ${fmt(sequential.get("facade, Node entry (undici), static token")!, 2)}×`);
const browserRatio = Math.min(parallel.get("facade, browser entry (fetch), static token")!, sequential.get("facade, browser entry (fetch), static token")!);
target(browserRatio >= 0.9, `browser entry ≥ 0.9× raw fetch (worse of the two modes): ${fmt(browserRatio, 2)}×`);

// 2. CPU per call, no network: bare openapi-fetch on a stub fetch vs the facade on a stub dispatcher.
async function cpuPerCall(call: () => Promise<unknown>, n = 20_000): Promise<number> {
  for (let i = 0; i < 2_000; i++) await call();
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const before = process.cpuUsage();
    for (let i = 0; i < n; i++) await call();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / n);
  }
  return median(samples);
}
const bare = createClient<paths>({ baseUrl: "https://api.meeting.huaweicloud.com", fetch: stubFetch });
const stubbed = createMeetingClient({ dispatcher: new StubDispatcher() }).conference(CONFERENCE, { token: "bench-static-token" });
const bareCpu = await cpuPerCall(() => bare.PUT(PATH, { params: PARAMS, body: { share: 1 } }));
const facadeCpu = await cpuPerCall(() => stubbed.inviteToShare(PARTICIPANT));
console.log(`## CPU per call, stub transport\n\n| | µs/call | × bare openapi-fetch |\n|---|---:|---:|`);
console.log(`| bare openapi-fetch (stub fetch) | ${fmt(bareCpu, 1)} | 1.00 |`);
console.log(`| facade, Node entry (stub dispatcher) | ${fmt(facadeCpu, 1)} | ${fmt(facadeCpu / bareCpu, 2)} |\n`);
target(facadeCpu / bareCpu <= 1.5, `CPU per call ≤ 1.5× bare openapi-fetch: ${fmt(facadeCpu / bareCpu, 2)}×`);

// 3. Bundle size.
const entry = await browserEntrySize();
const bareSize = await browserEntrySize(join(root, "bench/bare-openapi-fetch.ts"));
console.log(`## Bundle (esbuild, minified)\n\n| | minified | min+gzip |\n|---|---:|---:|`);
console.log(`| browser entry up front, openapi-fetch included | ${fmt(entry.minified)} B | ${fmt(entry.gzipped)} B |`);
console.log(`| event channel chunk, loaded on first use | ${fmt(entry.lazy.minified)} B | ${fmt(entry.lazy.gzipped)} B |`);
console.log(`| bare openapi-fetch | ${fmt(bareSize.minified)} B | ${fmt(bareSize.gzipped)} B |\n`);
target(entry.gzipped <= BROWSER_BUDGET, `browser entry up front ≤ ${BROWSER_BUDGET / 1024} KiB min+gzip: ${fmt(entry.gzipped)} B`);

// 4. Cold start: whole processes, the three scripts interleaved, median of many; and the
// import alone, timed inside the process.
const scripts = {
  empty: "",
  imported: 'await import("./dist/index.js")',
  firstCall:
    'const { createMeetingClient } = await import("./dist/index.js"); await createMeetingClient({ baseUrl: process.env.BENCH_BASE }).conference("986947855", { token: "t" }).inviteToShare("p")',
};
const runs: Record<keyof typeof scripts, number[]> = { empty: [], imported: [], firstCall: [] };
const spawnNode = (script: string) =>
  execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, env: { ...process.env, BENCH_BASE: base }, encoding: "utf8" });
for (let i = 0; i < 21; i++) {
  for (const key of Object.keys(scripts) as (keyof typeof scripts)[]) {
    const started = performance.now();
    spawnNode(scripts[key]);
    runs[key].push(performance.now() - started);
  }
}
const [empty, imported, firstCall] = [median(runs.empty), median(runs.imported), median(runs.firstCall)];
const importOnly = median(
  Array.from({ length: 11 }, () => Number(spawnNode('const t = performance.now(); await import("./dist/index.js"); console.log(performance.now() - t)'))),
);
console.log(`## Cold start (whole process, median of 21, interleaved)\n\n| | ms | over empty |\n|---|---:|---:|`);
console.log(`| empty script | ${fmt(empty, 1)} | |`);
console.log(`| import the Node entry | ${fmt(imported, 1)} | +${fmt(imported - empty, 1)} |`);
console.log(`| import, create a client, first call | ${fmt(firstCall, 1)} | +${fmt(firstCall - empty, 1)} |\n`);
console.log(`The import alone, timed inside the process: ${fmt(importOnly, 1)} ms (median of 11).\n`);
target(imported - empty <= 20, `import ≤ 20 ms over an empty script: +${fmt(imported - empty, 1)} ms (in-process: ${fmt(importOnly, 1)} ms)`);

// 5. Token single flight under load: 500 concurrent calls on cold conferences.
const before = (await stats()).tokenRequests;
const managed = createMeetingClient({ baseUrl: base });
const cold = await Promise.all(
  ["111", "222", "333"].map(async (id) => {
    const conf = managed.conference(id, { hostPassword: "bench-password" });
    await Promise.all(Array.from({ length: 500 }, () => conf.inviteToShare(PARTICIPANT)));
  }),
);
const tokenRequests = (await stats()).tokenRequests - before;
console.log(`## Token single flight\n\n3 cold conferences × 500 concurrent calls: ${tokenRequests} token requests (${cold.length} conferences).\n`);
target(tokenRequests === 3, `one token request per cold conference: ${tokenRequests} for 3`);

// 6. Memory and handles over many calls.
const conf = createMeetingClient({ baseUrl: base }).conference(CONFERENCE, { token: "bench-static-token" });
const heapAfter = async (calls: number) => {
  await measure(() => conf.inviteToShare(PARTICIPANT), calls, 64);
  gc();
  await new Promise((r) => setTimeout(r, 50));
  gc();
  return { heap: process.memoryUsage().heapUsed, handles: process.getActiveResourcesInfo().length };
};
const at1k = await heapAfter(1_000);
const at100k = await heapAfter(99_000);
const growth = at100k.heap - at1k.heap;
console.log(`## Memory\n\n| after | heap used | active handles |\n|---|---:|---:|`);
console.log(`| 1,000 calls | ${fmt(at1k.heap / 1e6, 1)} MB | ${at1k.handles} |`);
console.log(`| 100,000 calls | ${fmt(at100k.heap / 1e6, 1)} MB | ${at100k.handles} |\n`);
target(growth < 2e6 && at100k.handles <= at1k.handles, `no heap or handle growth: ${growth >= 0 ? "+" : ""}${fmt(growth / 1e6, 2)} MB, ${at100k.handles - at1k.handles} handles`);

console.log(`## Targets\n\n${verdicts.join("\n")}`);
server.kill();
process.exit(0);
