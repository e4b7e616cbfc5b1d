// npm run bench: throughput side by side (each contender in its own process, alternating
// rounds, medians), checked by a server that validates every request; CPU per call, bundle
// size, cold start, token single flight, and memory over many calls. Runs the built package
// (dist/); `npm run bench` builds it first. Prints Markdown and writes bench/results.json.
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tracingChannel } from "node:diagnostics_channel";
import { get } from "node:http";
import { cpus } from "node:os";
import { join } from "node:path";
import createClient from "openapi-fetch";
import type { paths } from "../src/generated/schema.js";
import { createMeetingClient } from "../dist/index.js";
import { BROWSER_BUDGET, browserEntrySize } from "../scripts/size.js";
import { root } from "../scripts/prism.js";
import { CONTENDERS, type ContenderName } from "./contenders.js";
import { StubDispatcher, stubFetch } from "./stub.js";
import { CONFERENCE, HOST_PASSWORD, PARAMS, PARTICIPANT, PATH, STATIC_TOKEN } from "./wire.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc (npm run bench does)");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SCALE = Number(process.env.BENCH_SCALE ?? 1); // < 1 for a quick smoke run
const verdicts: { ok: boolean; text: string }[] = [];
const target = (ok: boolean, text: string) => verdicts.push({ ok, text });
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: `${cpus().length} × ${cpus()[0]?.model.trim()}`, rounds: ROUNDS };

const server = fork(join(root, "bench/server.ts"), [], { execArgv: ["--import", "tsx"] });
const port = await new Promise<number>((resolve) => server.once("message", (m: { port: number }) => resolve(m.port)));
const base = `http://127.0.0.1:${port}`;
type Stats = { valid: number; invalid: number; tokenRequests: number; reasons: string[] };
// A connection of its own each time: an idle keep-alive socket may have been closed meanwhile.
const stats = () =>
  new Promise<Stats>((resolve, reject) => {
    get(`${base}/stats`, { agent: false }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk));
      res.on("end", () => resolve(JSON.parse(text) as Stats));
    }).on("error", reject);
  });

console.log(`# npm run bench\n\n${results.date as string} · Node ${process.version} · ${results.cpus as string} · ${ROUNDS} rounds, medians\n`);

// 1. Throughput, side by side, each contender in a process of its own.
interface Sample {
  rate: number;
  cpuPerCall: number;
  rss: number;
  heapUsed: number;
}
const names = Object.keys(CONTENDERS) as ContenderName[];
const children = new Map<ContenderName, ChildProcess>();
for (const name of names) {
  const child = fork(join(root, "bench/contender.ts"), [name, base], { execArgv: ["--import", "tsx"] });
  await new Promise((resolve) => child.once("message", resolve));
  children.set(name, child);
}
const run = (name: ContenderName, total: number, inFlight: number) =>
  new Promise<Sample>((resolve) => {
    const child = children.get(name)!;
    child.once("message", resolve);
    child.send({ total, inFlight });
  });
/** Runs a contender and fails the bench unless the server saw exactly its calls, all valid. */
async function checked(name: ContenderName, total: number, inFlight: number): Promise<Sample> {
  const before = await stats();
  const sample = await run(name, total, inFlight);
  const after = await stats();
  const valid = after.valid - before.valid;
  const invalid = after.invalid - before.invalid;
  if (valid !== total || invalid !== 0) {
    throw new Error(`${name}: the server saw ${valid} valid and ${invalid} invalid requests for ${total} calls: ${after.reasons.join("; ")}`);
  }
  return sample;
}

async function throughput(label: string, total: number, inFlight: number) {
  total = Math.max(100, Math.round(total * SCALE));
  const samples = new Map<ContenderName, Sample[]>(names.map((n) => [n, []]));
  for (const name of names) await checked(name, Math.min(total, 1_000), inFlight); // warm up
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [...names].reverse() : names; // alternate: no contender always runs first
    for (const name of order) samples.get(name)!.push(await checked(name, total, inFlight));
  }
  const rate = new Map(names.map((n) => [n, median(samples.get(n)!.map((s) => s.rate))]));
  const cpu = new Map(names.map((n) => [n, median(samples.get(n)!.map((s) => s.cpuPerCall))]));
  const fetchRate = rate.get("raw fetch")!;
  const floorRate = rate.get("raw undici request() (the floor)")!;
  console.log(`## Throughput, ${label}\n\n| contender | calls/s | × raw fetch | × undici floor | CPU µs/call |\n|---|---:|---:|---:|---:|`);
  for (const name of names) {
    console.log(`| ${name} | ${fmt(rate.get(name)!)} | ${fmt(rate.get(name)! / fetchRate, 2)} | ${fmt(rate.get(name)! / floorRate, 2)} | ${fmt(cpu.get(name)!, 1)} |`);
  }
  console.log();
  const table = Object.fromEntries(
    names.map((n) => [n, { callsPerSecond: rate.get(n)!, toFetch: rate.get(n)! / fetchRate, toFloor: rate.get(n)! / floorRate, cpuMicrosPerCall: cpu.get(n)! }]),
  );
  results[label] = table;
  return table;
}
const sequential = await throughput("sequential (1 in flight)", 2_000, 1);
const parallel = await throughput("64 in flight", 10_000, 64);
for (const child of children.values()) child.kill();

const NODE = "Node entry (undici), { token }";
const MANAGED = "Node entry (undici), { hostPassword }";
const UNIVERSAL = "universal entry (fetch), { token }";
const BROWSER = "browser entry (fetch in Node), { token }";
const FLOOR = "raw undici request() (the floor)";
target(parallel[NODE]!.toFloor >= 0.6, `Node entry ≥ 0.6× the undici floor with 64 in flight: ${fmt(parallel[NODE]!.toFloor, 2)}×`);
target(sequential[NODE]!.toFloor >= 0.95, `Node entry ≥ 0.95× the undici floor sequentially: ${fmt(sequential[NODE]!.toFloor, 2)}×`);
const cpuRatio = parallel[NODE]!.cpuMicrosPerCall / parallel[FLOOR]!.cpuMicrosPerCall;
target(cpuRatio <= 2, `Node entry CPU per call at 64 in flight ≤ 2× undici's: ${fmt(cpuRatio, 2)}×`);
for (const [name, floor] of [
  [UNIVERSAL, 0.95],
  [BROWSER, 0.9],
] as const) {
  const worse = Math.min(sequential[name]!.toFetch, parallel[name]!.toFetch);
  target(
    worse >= floor,
    `${name.split(" (")[0]} ≥ ${floor}× raw fetch, sequential and 64 in flight: ${fmt(sequential[name]!.toFetch, 2)}× and ${fmt(parallel[name]!.toFetch, 2)}×`,
  );
}
const managedGap = Math.max(1 - sequential[MANAGED]!.callsPerSecond / sequential[NODE]!.callsPerSecond, 1 - parallel[MANAGED]!.callsPerSecond / parallel[NODE]!.callsPerSecond);
target(managedGap <= 0.05, `{ hostPassword } within 5% of { token }: at most ${fmt(Math.max(0, managedGap) * 100, 1)}% slower`);

// 2. CPU per call, no network: bare openapi-fetch on a stub fetch vs the facade on a stub dispatcher.
async function cpuPerCall(call: () => Promise<unknown>, n = Math.round(20_000 * SCALE)): Promise<number> {
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
const stubbed = createMeetingClient({ dispatcher: new StubDispatcher() }).conference(CONFERENCE, { token: STATIC_TOKEN });
const bareCpu = await cpuPerCall(() => bare.PUT(PATH, { params: PARAMS, body: { share: 1 } }));
const facadeCpu = await cpuPerCall(() => stubbed.inviteToShare(PARTICIPANT));
// The same calls with every event of the three tracing channels subscribed (to no-ops): what
// tracing costs once watched; the row above is the cost while nobody subscribes.
const noop = () => {};
const watchers = { start: noop, end: noop, asyncStart: noop, asyncEnd: noop, error: noop };
const channels = ["operation", "attempt", "token"].map((name) => tracingChannel(`huaweicloud-meeting-control:${name}`));
for (const channel of channels) channel.subscribe(watchers);
const tracedCpu = await cpuPerCall(() => stubbed.inviteToShare(PARTICIPANT));
for (const channel of channels) channel.unsubscribe(watchers);
console.log(`## CPU per call, stub transport (no network)\n\n| | µs/call | × bare openapi-fetch |\n|---|---:|---:|`);
console.log(`| bare openapi-fetch (stub fetch) | ${fmt(bareCpu, 1)} | 1.00 |`);
console.log(`| Node entry (stub dispatcher) | ${fmt(facadeCpu, 1)} | ${fmt(facadeCpu / bareCpu, 2)} |`);
console.log(`| Node entry, tracing subscribed | ${fmt(tracedCpu, 1)} | ${fmt(tracedCpu / bareCpu, 2)} |\n`);
results.stubCpu = { bareOpenapiFetch: bareCpu, nodeEntry: facadeCpu, nodeEntryTracingSubscribed: tracedCpu };

// 3. Bundle size.
const entry = await browserEntrySize();
const bareSize = await browserEntrySize(join(root, "bench/bare-openapi-fetch.ts"));
console.log(`## Bundle (esbuild, minified)\n\n| | minified | min+gzip |\n|---|---:|---:|`);
console.log(`| browser entry up front, openapi-fetch included | ${fmt(entry.minified)} B | ${fmt(entry.gzipped)} B |`);
console.log(`| event channel chunk, loaded on first use | ${fmt(entry.lazy.minified)} B | ${fmt(entry.lazy.gzipped)} B |`);
console.log(`| bare openapi-fetch | ${fmt(bareSize.minified)} B | ${fmt(bareSize.gzipped)} B |\n`);
target(entry.gzipped <= BROWSER_BUDGET, `browser entry up front ≤ ${BROWSER_BUDGET / 1024} KiB min+gzip: ${fmt(entry.gzipped)} B`);
results.bundle = {
  browserEntryUpFront: { minified: entry.minified, gzipped: entry.gzipped },
  loadedOnFirstUse: entry.lazy,
  bareOpenapiFetch: { minified: bareSize.minified, gzipped: bareSize.gzipped },
};

// 4. Cold start: whole processes, the three scripts interleaved, median of many; and the
// import alone, timed inside the process.
const scripts = {
  empty: "",
  imported: 'await import("./dist/index.js")',
  firstCall: `const { createMeetingClient } = await import("./dist/index.js"); await createMeetingClient({ baseUrl: process.env.BENCH_BASE }).conference("${CONFERENCE}", { token: "${STATIC_TOKEN}" }).inviteToShare("${PARTICIPANT}")`,
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
const importOnly = median(Array.from({ length: 11 }, () => Number(spawnNode('const t = performance.now(); await import("./dist/index.js"); console.log(performance.now() - t)'))));
console.log(`## Cold start (whole process, median of 21, interleaved)\n\n| | ms | over empty |\n|---|---:|---:|`);
console.log(`| empty script | ${fmt(empty, 1)} | |`);
console.log(`| import the Node entry | ${fmt(imported, 1)} | +${fmt(imported - empty, 1)} |`);
console.log(`| import, create a client, first call | ${fmt(firstCall, 1)} | +${fmt(firstCall - empty, 1)} |\n`);
console.log(`The import alone, timed inside the process: ${fmt(importOnly, 1)} ms (median of 11).\n`);
target(imported - empty <= 10, `import ≤ 10 ms over an empty script: +${fmt(imported - empty, 1)} ms (in-process: ${fmt(importOnly, 1)} ms)`);
results.coldStart = { empty, imported, firstCall, importOnly };

// 5. Token single flight under load: 3 clients, each cold, × 500 concurrent calls.
const before = (await stats()).tokenRequests;
await Promise.all(
  [1, 2, 3].map(async () => {
    const conf = createMeetingClient({ baseUrl: base }).conference(CONFERENCE, { hostPassword: HOST_PASSWORD });
    await Promise.all(Array.from({ length: 500 }, () => conf.inviteToShare(PARTICIPANT)));
  }),
);
const tokenRequests = (await stats()).tokenRequests - before;
console.log(`## Token single flight\n\n3 cold clients × 500 concurrent calls: ${tokenRequests} token requests.\n`);
target(tokenRequests === 3, `one token request per cold client and conference: ${tokenRequests} for 3`);
results.tokenRequests = tokenRequests;

// 6. Memory and handles over many calls.
const conf = createMeetingClient({ baseUrl: base }).conference(CONFERENCE, { token: STATIC_TOKEN });
const memoryAfter = async (calls: number) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next++ < calls) await conf.inviteToShare(PARTICIPANT);
    }),
  );
  gc();
  await new Promise((r) => setTimeout(r, 50));
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss, handles: process.getActiveResourcesInfo().length };
};
const at1k = await memoryAfter(1_000);
await memoryAfter(9_000); // let RSS settle: the first calls grow the heap's pages
const at10k = await memoryAfter(1);
const at100k = await memoryAfter(Math.round(90_000 * SCALE));
const heapGrowth = at100k.heapUsed - at1k.heapUsed;
const rssGrowth = at100k.rss - at10k.rss;
console.log(`## Memory\n\n| after | heap used | RSS | active handles |\n|---|---:|---:|---:|`);
console.log(`| 1,000 calls | ${fmt(at1k.heapUsed / 1e6, 1)} MB | ${fmt(at1k.rss / 1e6, 1)} MB | ${at1k.handles} |`);
console.log(`| 10,000 calls | ${fmt(at10k.heapUsed / 1e6, 1)} MB | ${fmt(at10k.rss / 1e6, 1)} MB | ${at10k.handles} |`);
console.log(`| 100,000 calls | ${fmt(at100k.heapUsed / 1e6, 1)} MB | ${fmt(at100k.rss / 1e6, 1)} MB | ${at100k.handles} |\n`);
target(
  heapGrowth < 2e6 && rssGrowth < 16e6 && at100k.handles <= at1k.handles,
  `no heap, RSS or handle growth: heap ${heapGrowth >= 0 ? "+" : ""}${fmt(heapGrowth / 1e6, 2)} MB, RSS ${rssGrowth >= 0 ? "+" : ""}${fmt(rssGrowth / 1e6, 1)} MB (10k → 100k calls), ${at100k.handles - at1k.handles} handles`,
);
results.memory = { at1k, at10k, at100k };

console.log(`## Targets\n\n${verdicts.map(({ ok, text }) => `- ${ok ? "✅" : "❌"} ${text}`).join("\n")}`);
results.targets = verdicts;
writeFileSync(join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log("\nWritten to bench/results.json.");
server.kill();
process.exit(0);
