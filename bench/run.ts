// npm run bench: throughput side by side (each contender in its own process, taking turns in
// short blocks), checked by a server that validates every request; CPU per call, bundle
// size, cold start, token single flight, and memory over many calls. Runs the built package
// (dist/); `npm run bench` builds it first. Prints Markdown and writes bench/results.json.
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tracingChannel } from "node:diagnostics_channel";
import { get } from "node:http";
import { cpus } from "node:os";
import { join } from "node:path";
import createClient from "openapi-fetch";
import type { paths } from "../src/generated/schema.js";
import { createMeetingClient } from "../dist/node.js";
import { BROWSER_BUDGET, browserEntrySize } from "../scripts/size.js";
import { root } from "../scripts/prism.js";
import { CONTENDERS, type ContenderName } from "./contenders.js";
import type { Memory } from "./memory.js";
import { runtimeRows, UNIVERSAL_ROW } from "./runtimes.js";
import { StubDispatcher, stubFetch } from "./stub.js";
import { CONFERENCE, HOST_PASSWORD, PARAMS, PARTICIPANT, PATH, STATIC_TOKEN } from "./wire.js";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const GENERATIONS = 3;
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

console.log(`# npm run bench\n\n${results.date as string} · Node ${process.version} · ${results.cpus as string} · ${ROUNDS} rounds in ${GENERATIONS} sets of processes\n`);

// 1. Throughput, side by side: each contender in a process of its own, so that no contender
// shares a connection pool, a JIT profile or a heap with another. The machine's speed drifts
// by more than the differences measured here, so the contenders take turns in short blocks
// (a round: one block each, in alternating order), and each contender's rate is its calls over
// its time in all rounds: every contender sampled the same spells of the machine, and every
// garbage collection counts (a median of blocks would favour the blocks without one). Fresh
// processes for each third of the rounds, so that no one process's luck (how its code happened
// to be optimized) decides a contender's figures.
interface Sample {
  rate: number;
  cpuPerCall: number;
  rss: number;
  heapUsed: number;
}
const names = Object.keys(CONTENDERS) as ContenderName[];
const NODE: ContenderName = "Node entry (undici), { token }";
const MANAGED: ContenderName = "Node entry (undici), { hostPassword }";
const UNIVERSAL: ContenderName = "universal entry (fetch), { token }";
const BROWSER: ContenderName = "browser entry (fetch in Node), { token }";
const FLOOR: ContenderName = "raw undici request() (the floor)";
const DESIGN_FLOOR: ContenderName = "openapi-fetch as the fetch entries call it, fetch + signal";
/** A new process for contender `name`, ready for runs. */
async function spawn(name: ContenderName, script = "bench/contender.ts", execArgv: string[] = []): Promise<ChildProcess> {
  const child = fork(join(root, script), [name, base], { execArgv: [...execArgv, "--import", "tsx"] });
  await answer(child);
  return child;
}
/** The child's next message; a child that exits first fails the bench (it printed why). */
const answer = <T>(child: ChildProcess) =>
  new Promise<T>((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`a bench process exited (${code}) before answering`));
    child.once("exit", exited);
    child.once("message", (message: T) => {
      child.off("exit", exited);
      resolve(message);
    });
  });
/** Sends `message` to a bench process and waits for its answer. */
const ask = <T>(child: ChildProcess, message: object) => {
  const answered = answer<T>(child);
  child.send(message);
  return answered;
};
/** Runs `exchange` (which makes `calls` calls) and fails the bench unless the server saw exactly those calls, all valid. */
async function checked<T>(name: string, calls: number, exchange: () => Promise<T>): Promise<T> {
  const before = await stats();
  const result = await exchange();
  const after = await stats();
  const valid = after.valid - before.valid;
  const invalid = after.invalid - before.invalid;
  if (valid !== calls || invalid !== 0) {
    throw new Error(`${name}: the server saw ${valid} valid and ${invalid} invalid requests for ${calls} calls: ${after.reasons.join("; ")}`);
  }
  return result;
}
/** `total` calls of contender `name` in `child`, `inFlight` at a time, checked by the server. */
const run = (name: ContenderName, child: ChildProcess, total: number, inFlight: number) => checked(name, total, () => ask<Sample>(child, { total, inFlight }));

// The runtime rows (bench/runtimes.ts): raw fetch, bare openapi-fetch + signal and the universal
// entry on Node, Bun, Deno and workerd. `BENCH_ONLY=runtimes` runs them alone and keeps the rest
// of results.json; `BENCH_RUNTIMES=bun,deno` (any of node, bun, deno, workerd) picks runtimes.
async function runtimeSection(): Promise<void> {
  const { rows, allocation } = await runtimeRows({ base, rounds: ROUNDS, generations: GENERATIONS, scale: SCALE, verify: checked, only: process.env.BENCH_RUNTIMES?.split(",") });
  const targets: typeof verdicts = [];
  for (const [runtime, modes] of Object.entries(rows)) {
    const [sequentialRow, parallelRow] = [modes["sequential (1 in flight)"]![UNIVERSAL_ROW]!, modes["64 in flight"]![UNIVERSAL_ROW]!];
    const text = `universal entry ≥ 1.0× bare openapi-fetch + signal on ${runtime}, sequential and 64 in flight: ${fmt(sequentialRow.toBareOpenapiFetchWithSignal, 2)}× and ${fmt(parallelRow.toBareOpenapiFetchWithSignal, 2)}× (paired by round: ${fmt(sequentialRow.toBareOpenapiFetchWithSignalPaired.median, 2)}× and ${fmt(parallelRow.toBareOpenapiFetchWithSignalPaired.median, 2)}×)`;
    targets.push({ ok: Math.min(sequentialRow.toBareOpenapiFetchWithSignal, parallelRow.toBareOpenapiFetchWithSignal) >= 1, text });
  }
  // The floor the fetch entries are held to whatever the targets: 0.9× their design floor, bare openapi-fetch + signal.
  for (const [runtime, modes] of Object.entries(rows)) {
    const lowest = Math.min(modes["sequential (1 in flight)"]![UNIVERSAL_ROW]!.toBareOpenapiFetchWithSignal, modes["64 in flight"]![UNIVERSAL_ROW]!.toBareOpenapiFetchWithSignal);
    targets.push({ ok: lowest >= 0.9, text: `universal entry ≥ 0.9× bare openapi-fetch + signal on ${runtime}, both ways: ${fmt(lowest, 2)}× at the lowest` });
  }
  verdicts.push(...targets);
  results.runtimes = { rows, targets, allocation };
}
if (process.env.BENCH_ONLY === "runtimes") {
  await runtimeSection();
  console.log(`## Targets\n\n${verdicts.map(({ ok, text }) => `- ${ok ? "✅" : "❌"} ${text}`).join("\n")}`);
  const file = join(root, "bench/results.json");
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  writeFileSync(file, `${JSON.stringify({ ...previous, runtimes: { date: results.date, ...(results.runtimes as object) } }, null, 2)}\n`);
  console.log("\nThe runtime rows written to bench/results.json (the rest kept).");
  server.kill();
  process.exit(0);
}

async function throughput(label: string, block: number, inFlight: number) {
  block = Math.max(50, Math.round(block * SCALE));
  const samples = new Map<ContenderName, Sample[]>(names.map((n) => [n, []]));
  for (let generation = 0, round = 0; generation < GENERATIONS; generation++) {
    const children = new Map<ContenderName, ChildProcess>();
    for (const name of names) {
      const child = await spawn(name);
      // Warmed up until its code is optimized: a fresh process is slow at first.
      await run(name, child, Math.max(block, 3_000), inFlight);
      children.set(name, child);
    }
    for (; round < Math.round((ROUNDS * (generation + 1)) / GENERATIONS); round++) {
      const order = round % 2 ? [...names].reverse() : names; // alternate: no contender always runs first
      for (const name of order) samples.get(name)!.push(await run(name, children.get(name)!, block, inFlight));
    }
    for (const child of children.values()) child.kill();
  }
  const rounds = new Map(names.map((n) => [n, samples.get(n)!.map((s) => s.rate)]));
  // Equal blocks: the calls over the time is the harmonic mean of the rates; CPU, the mean.
  const rate = new Map(names.map((n) => [n, rounds.get(n)!.length / rounds.get(n)!.reduce((sum, r) => sum + 1 / r, 0)]));
  const cpu = new Map(names.map((n) => [n, samples.get(n)!.reduce((sum, s) => sum + s.cpuPerCall, 0) / samples.get(n)!.length]));
  const ratio = (name: ContenderName, reference: ContenderName) => rate.get(name)! / rate.get(reference)!;
  const references = ["raw fetch", "raw fetch + an AbortSignal per call", FLOOR] as const;
  console.log(`## Throughput, ${label}\n\n| contender | calls/s | × raw fetch | × fetch + signal | × undici floor | CPU µs/call |\n|---|---:|---:|---:|---:|---:|`);
  for (const name of names) {
    const ratios = references.map((reference) => fmt(ratio(name, reference), 2)).join(" | ");
    console.log(`| ${name} | ${fmt(rate.get(name)!)} | ${ratios} | ${fmt(cpu.get(name)!, 1)} |`);
  }
  console.log();
  const table = Object.fromEntries(
    names.map((n) => [
      n,
      {
        callsPerSecond: rate.get(n)!,
        rounds: rounds.get(n)!,
        toFetch: ratio(n, "raw fetch"),
        toFetchWithSignal: ratio(n, "raw fetch + an AbortSignal per call"),
        toFloor: ratio(n, FLOOR),
        toNodeEntry: ratio(n, NODE),
        cpuMicrosPerCall: cpu.get(n)!,
      },
    ]),
  );
  results[label] = table;
  return table;
}
const sequential = await throughput("sequential (1 in flight)", 500, 1);
const parallel = await throughput("64 in flight", 2_000, 64);
await runtimeSection();

target(parallel[NODE]!.toFloor >= 0.6, `Node entry ≥ 0.6× the undici floor with 64 in flight: ${fmt(parallel[NODE]!.toFloor, 2)}×`);
target(sequential[NODE]!.toFloor >= 0.95, `Node entry ≥ 0.95× the undici floor sequentially: ${fmt(sequential[NODE]!.toFloor, 2)}×`);
const cpuRatio = parallel[NODE]!.cpuMicrosPerCall / parallel[FLOOR]!.cpuMicrosPerCall;
target(cpuRatio <= 2, `Node entry CPU per call at 64 in flight ≤ 2× undici's: ${fmt(cpuRatio, 2)}×`);
// Beside each fetch entry's figures, the floor of its design (DESIGN_FLOOR): no fetch entry can pass it.
const designFloor = `openapi-fetch as they call it: ${fmt(sequential[DESIGN_FLOOR]!.toFetch, 2)}× and ${fmt(parallel[DESIGN_FLOOR]!.toFetch, 2)}×`;
for (const [name, floor] of [
  [UNIVERSAL, 0.95],
  [BROWSER, 0.9],
] as const) {
  const worse = Math.min(sequential[name]!.toFetch, parallel[name]!.toFetch);
  target(
    worse >= floor,
    `${name.split(" (")[0]} ≥ ${floor}× raw fetch, sequential and 64 in flight: ${fmt(sequential[name]!.toFetch, 2)}× and ${fmt(parallel[name]!.toFetch, 2)}× (${designFloor})`,
  );
}
const GENERATED: ContenderName = "Node entry (undici), { token }, generated participant(pid).inviteToShare()";
const generatedGap = Math.max(1 - sequential[GENERATED]!.toNodeEntry, 1 - parallel[GENERATED]!.toNodeEntry);
target(
  generatedGap <= 0.05,
  `a generated method within 5% of inviteToShare: ${fmt(sequential[GENERATED]!.toNodeEntry, 2)}× sequentially and ${fmt(parallel[GENERATED]!.toNodeEntry, 2)}× with 64 in flight`,
);
const managedGap = Math.max(1 - sequential[MANAGED]!.toNodeEntry, 1 - parallel[MANAGED]!.toNodeEntry);
target(
  managedGap <= 0.05,
  `{ hostPassword } within 5% of { token }: ${fmt(sequential[MANAGED]!.toNodeEntry, 2)}× sequentially and ${fmt(parallel[MANAGED]!.toNodeEntry, 2)}× with 64 in flight`,
);

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

// 4. Cold start: whole processes, the scripts interleaved, median of many; and the import
// alone, timed inside the process from before the script loads (a preloaded clock) to after
// its imports, without the process's own start and exit, whose noise is larger than the
// import. A one-line module is the reference: what importing any file costs.
const scripts = {
  empty: "",
  oneLine: 'import "./bench/one-line.js";',
  imported: 'import "./dist/node.js";',
  firstCall: `import { createMeetingClient } from "./dist/node.js"; await createMeetingClient({ baseUrl: process.env.BENCH_BASE }).conference("${CONFERENCE}", { token: "${STATIC_TOKEN}" }).inviteToShare("${PARTICIPANT}");`,
};
type Script = keyof typeof scripts;
const spawnNode = (script: string, execArgv: string[] = []) =>
  execFileSync(process.execPath, [...execArgv, "--input-type=module", "-e", script], { cwd: root, env: { ...process.env, BENCH_BASE: base }, encoding: "utf8" });
const whole = { empty: [], oneLine: [], imported: [], firstCall: [] } as Record<Script, number[]>;
const inProcess = { empty: [], oneLine: [], imported: [] } as Record<Exclude<Script, "firstCall">, number[]>;
const clock = "data:text/javascript,globalThis.startedAt=performance.now()";
for (let i = 0; i < 21; i++) {
  for (const key of Object.keys(scripts) as Script[]) {
    const started = performance.now();
    spawnNode(scripts[key]);
    whole[key].push(performance.now() - started);
  }
  for (const key of Object.keys(inProcess) as (keyof typeof inProcess)[]) {
    inProcess[key].push(Number(spawnNode(`${scripts[key]} console.log(performance.now() - globalThis.startedAt);`, ["--import", clock])));
  }
}
const cold = Object.fromEntries(Object.entries(whole).map(([key, runs]) => [key, median(runs)])) as Record<Script, number>;
const load = Object.fromEntries(Object.entries(inProcess).map(([key, runs]) => [key, median(runs)])) as Record<keyof typeof inProcess, number>;
const over = (ms: number, empty: number) => `+${fmt(ms - empty, 1)}`;
console.log(`## Cold start (median of 21, interleaved)\n\n| | whole process, ms | over empty | in-process, ms | over empty |\n|---|---:|---:|---:|---:|`);
console.log(`| empty script | ${fmt(cold.empty, 1)} | | ${fmt(load.empty, 2)} | |`);
console.log(`| import a one-line module | ${fmt(cold.oneLine, 1)} | ${over(cold.oneLine, cold.empty)} | ${fmt(load.oneLine, 2)} | ${over(load.oneLine, load.empty)} |`);
console.log(`| import the Node entry | ${fmt(cold.imported, 1)} | ${over(cold.imported, cold.empty)} | ${fmt(load.imported, 2)} | ${over(load.imported, load.empty)} |`);
console.log(`| import, create a client, first call | ${fmt(cold.firstCall, 1)} | ${over(cold.firstCall, cold.empty)} | | |\n`);
target(
  load.imported - load.empty <= 10,
  `import ≤ 10 ms over an empty script: ${over(load.imported, load.empty)} ms in-process (whole process: ${over(cold.imported, cold.empty)} ms; a one-line module: ${over(load.oneLine, load.empty)} ms)`,
);
results.coldStart = { wholeProcess: cold, inProcess: load };

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

// 6. Memory and handles over many calls: the Node entry, and the undici floor as the measure
// of noise, each in a process of its own (not this one, whose heap the rows above have used).
const STEPS = [1_000, 10_000, 100_000].map((n) => Math.max(100, Math.round(n * SCALE)));
const memoryOf = async (name: ContenderName) => {
  const child = await spawn(name, "bench/memory.ts", ["--expose-gc"]);
  const memory = await checked(name, STEPS.at(-1)!, () => ask<Memory[]>(child, { steps: STEPS }));
  child.kill();
  return memory;
};
const memory = { [NODE]: await memoryOf(NODE), [FLOOR]: await memoryOf(FLOOR) };
const mb = (bytes: number, sign = false) => `${sign && bytes >= 0 ? "+" : ""}${fmt(bytes / 1e6, sign ? 2 : 1)} MB`;
console.log(`## Memory (64 in flight, each in a process of its own)\n\n| | after | heap used | RSS | active handles |\n|---|---:|---:|---:|---:|`);
for (const [name, rows] of Object.entries(memory)) {
  for (const row of rows) console.log(`| ${name} | ${fmt(row.calls)} calls | ${mb(row.heapUsed)} | ${mb(row.rss)} | ${row.handles} |`);
}
const [at1k, at10k, at100k] = memory[NODE] as [Memory, Memory, Memory];
const floorRss = memory[FLOOR]!.at(-1)!.rss - memory[FLOOR]![1]!.rss;
const heapGrowth = at100k.heapUsed - at1k.heapUsed;
const rssGrowth = at100k.rss - at10k.rss;
console.log(`\nFrom ${fmt(at10k.calls)} to ${fmt(at100k.calls)} calls: the Node entry's RSS ${mb(rssGrowth, true)}, the floor's ${mb(floorRss, true)}.\n`);
target(
  heapGrowth < 2e6 && rssGrowth < 16e6 && at100k.handles <= at1k.handles,
  `no heap, RSS or handle growth: heap ${mb(heapGrowth, true)}, RSS ${mb(rssGrowth, true)} (${fmt(at10k.calls)} → ${fmt(at100k.calls)} calls; the floor's RSS ${mb(floorRss, true)}), ${at100k.handles - at1k.handles} handles`,
);
results.memory = memory;

// 7. The event channel: roster memory and timings, CPU per incremental frame, and 1,000
// conferences watched by one process on the fake; in a process of its own (it prints its rows).
const eventsBench = fork(join(root, "bench/events.ts"), [], { execArgv: ["--expose-gc", "--import", "tsx"] });
const channelFigures = await answer<{ watching: { sockets: number; wsTokens: number; conferences: number } }>(eventsBench);
target(
  channelFigures.watching.sockets === channelFigures.watching.conferences && channelFigures.watching.wsTokens === channelFigures.watching.conferences,
  `one socket and one WebSocket token per watched conference: ${channelFigures.watching.sockets} sockets, ${channelFigures.watching.wsTokens} tokens for ${channelFigures.watching.conferences}`,
);
results.events = channelFigures;

console.log(`## Targets\n\n${verdicts.map(({ ok, text }) => `- ${ok ? "✅" : "❌"} ${text}`).join("\n")}`);
results.targets = verdicts;
writeFileSync(join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log("\nWritten to bench/results.json.");
server.kill();
process.exit(0);
