// The runtime rows of `npm run bench`: raw fetch, bare openapi-fetch with an AbortSignal per
// call, and the universal entry, on Node, Bun and Deno (the binaries of the runtime matrix,
// scripts/runtimes.ts, installed the same way when missing), and on workerd. Each contender runs
// in a process of its own, against the bench's checking server; the contenders of one runtime
// take turns in blocks, as the Node rows' do, and each ratio is also taken round by round
// (both contenders sampled the same spell of the machine), its median printed with its spread.
// `BENCH_ONLY=runtimes npm run bench` runs these rows alone; `BENCH_RUNTIMES=bun,deno` picks runtimes.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { build } from "esbuild";
import { freePort, root } from "../scripts/prism.js";
import { ensureRuntime, runtimes as matrix, runtimesDir, WRANGLER_CONDITIONS } from "../scripts/runtimes.js";
import { RUNTIME_CONTENDER_NAMES, type RuntimeContenderName } from "./runtime-names.js";

export interface RuntimeSample {
  rate: number;
  /** 0 where the runtime does not report CPU time (workerd). */
  cpuPerCall: number;
}

/** A contender's process: asked for a block of calls, answers with its sample. */
export interface Contender {
  run(total: number, inFlight: number): Promise<RuntimeSample>;
  close(): void;
  /** What the process has written to stderr so far. */
  stderr(): string;
}

/** Checks that the server saw exactly `calls` valid requests while `exchange` ran (bench/run.ts's `checked`). */
export type Verify = <T>(label: string, calls: number, exchange: () => Promise<T>) => Promise<T>;

export interface RuntimeRowsOptions {
  base: string;
  rounds: number;
  generations: number;
  scale: number;
  verify: Verify;
  /** Which runtimes: `node`, `bun`, `deno`, `workerd` (default: all). */
  only?: string[];
}

const REFERENCE: RuntimeContenderName = "bare openapi-fetch + an AbortSignal per call";
const RAW: RuntimeContenderName = "raw fetch";
export const UNIVERSAL_ROW: RuntimeContenderName = "universal entry, { token }";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;

/** One contender of one runtime, as the rows name it. */
interface Runner {
  runtime: string;
  version: string;
  /** `env`: more of the process's environment. */
  start(name: RuntimeContenderName, env?: Record<string, string>): Promise<Contender>;
}

/** A process speaking the line protocol of bench/runtime-contender.ts. */
export function lineContender(child: ChildProcess): Promise<Contender> {
  const lines = createInterface({ input: child.stdout! });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk));
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`a runtime bench process exited (${code}) before answering: ${errors.slice(0, 2000)}`));
      child.once("exit", exited);
      lines.once("line", (line) => {
        child.off("exit", exited);
        resolve(line);
      });
    });
  return next().then(() => ({
    async run(total, inFlight) {
      const answered = next();
      child.stdin!.write(`${JSON.stringify({ total, inFlight })}\n`);
      return JSON.parse(await answered) as RuntimeSample;
    },
    close: () => child.kill(),
    stderr: () => errors,
  }));
}

/**
 * The contenders bundled once: each contender's code is a chunk that only its process loads.
 * With `source`, the universal entry is that checkout's `src/universal.ts` rather than this
 * one's dist/ (bench/compare.ts; its packages are found here if not there).
 */
export async function bundleContenders(dir: string, source?: string): Promise<string> {
  await build({
    entryPoints: { contender: join(root, "bench/runtime-contender.ts") },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["deno", "bun"],
    mainFields: ["module", "main"],
    external: ["node:*"],
    outdir: dir,
    outExtension: { ".js": ".mjs" },
    logLevel: "error",
    ...(source && {
      nodePaths: [join(root, "node_modules")],
      plugins: [{ name: "entry-from-source", setup: (b) => b.onResolve({ filter: /dist\/universal\.js$/ }, () => ({ path: join(source, "src/universal.ts") })) }],
    }),
  });
  return join(dir, "contender.mjs");
}

/** How a runtime that runs scripts runs one, loopback network only (Deno's permissions). */
export function scriptArgs(kind: "node" | "bun" | "deno"): (script: string) => string[] {
  if (kind === "node") return (file) => [file];
  if (kind === "bun") return (file) => ["run", file];
  return (file) => ["run", "--no-lock", "--no-prompt", "--no-config", "--allow-net=127.0.0.1", "--allow-sys=cpus", file];
}

function scriptRunner(runtime: string, version: string, binary: string, args: (script: string) => string[], script: string): Runner {
  return {
    runtime,
    version,
    start: (name, more) => {
      const env = { ...process.env, NO_COLOR: "1", DO_NOT_TRACK: "1", DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(runtimesDir, "deno-dir"), ...more };
      return lineContender(spawn(binary, [...args(script), name, BASE.value], { cwd: tmpdir(), env, stdio: ["pipe", "pipe", "pipe"] }));
    },
  };
}

/**
 * workerd: each contender a worker of its own in a workerd process of its own (bench/workerd-contender.ts),
 * bundled as wrangler bundles; its outbound network opened to loopback only, for the bench server.
 */
async function workerdRunner(version: string, binary: string, dir: string): Promise<Runner> {
  await build({
    entryPoints: [join(root, "bench/workerd-contender.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: WRANGLER_CONDITIONS,
    mainFields: ["browser", "module", "main"],
    outfile: join(dir, "worker.js"),
    logLevel: "error",
  });
  return {
    runtime: "workerd",
    version,
    async start(name) {
      const port = await freePort();
      const text = (key: string, value: string) => `(name = "${key}", text = ${JSON.stringify(value)})`;
      const config = join(dir, `workerd-${port}.capnp`);
      writeFileSync(
        config,
        `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .bench), (name = "loopback", network = (allow = ["local"]))],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const bench :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-09-01",
  bindings = [${text("CONTENDER", name)}, ${text("BASE_URL", BASE.value)}],
  globalOutbound = "loopback",
);
`,
      );
      const child = spawn(binary, ["serve", config], { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
      let errors = "";
      child.stderr.on("data", (chunk: Buffer) => (errors += chunk));
      const ask = async (total: number, inFlight: number) => {
        const response = await fetch(`http://127.0.0.1:${port}/run?total=${total}&inFlight=${inFlight}`);
        const body = await response.text();
        if (!response.ok) throw new Error(`workerd, ${name}: ${body}`);
      };
      // Ready once it answers a run of no calls.
      for (const deadline = Date.now() + 30_000; ; ) {
        if (child.exitCode !== null) throw new Error(`workerd exited (${child.exitCode}): ${errors.slice(0, 2000)}`);
        try {
          await ask(0, 1);
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      return {
        async run(total, inFlight) {
          const started = performance.now();
          await ask(total, inFlight);
          return { rate: total / ((performance.now() - started) / 1000), cpuPerCall: 0 };
        },
        close: () => child.kill("SIGKILL"),
        stderr: () => errors,
      };
    },
  };
}

// The server's address, set by runtimeRows before any contender starts.
const BASE = { value: "" };

/**
 * Warms a fresh contender until its code is optimized: blocks of 2,000 calls with 64 in flight
 * (the same code as one at a time, in less time) until 20,000 calls or 2 seconds have passed.
 * A fresh process is slow at first, and the JIT of Bun (JavaScriptCore) takes long to settle:
 * from a cold start, the CPU per call on Bun falls block by block until about 10,000 calls for
 * bare openapi-fetch and about 20,000 for the universal entry, which has more code to optimize.
 * After 3,000 calls (this bench's warm-up before 2026-12-03), its first rounds measured the
 * warm-up. Node (V8) settles within the first 2 seconds.
 */
export async function warm(run: (calls: number) => Promise<unknown>, scale: number): Promise<void> {
  const started = performance.now();
  const block = 2_000;
  for (let calls = 0; calls < Math.max(block, 20_000 * scale) && performance.now() - started < 2_000; calls += block) await run(block);
}

/**
 * The bytes a call allocates on Bun, by JavaScriptCore's GC log (`BUN_JSC_logGC=1`: each
 * collection it requests names the bytes allocated since the one before): each contender in a
 * fresh process, warmed, then blocks of 20,000 calls with 64 in flight until 20 collections
 * have passed (or 200,000 calls: raw `fetch` allocates little). The first collection began in
 * the warm-up, and the calls after the last are in none: one cycle's bytes either way, so
 * the figure is good to one part in the number of collections counted. With 64 in flight,
 * what a call costs on Bun follows what it allocates (the concurrent collector's work on the
 * other core); unlike time, this figure hardly moves from run to run.
 */
async function allocation(runner: Runner, names: readonly RuntimeContenderName[], options: RuntimeRowsOptions): Promise<Record<string, Allocation>> {
  const perCall: Record<string, Allocation> = {};
  const block = 20_000;
  for (const name of names) {
    const child = await runner.start(name, { BUN_JSC_logGC: "1" });
    try {
      const label = `${runner.runtime}: ${name}`;
      await warm((n) => options.verify(label, n, () => child.run(n, 64)), options.scale);
      const from = child.stderr().length;
      const cycles = () =>
        [
          ...child
            .stderr()
            .slice(from)
            .matchAll(/bytes allocated this cycle: (\d+)/g),
        ].map((m) => Number(m[1]));
      let calls = 0;
      while (cycles().length < 20 && calls < 10 * block) {
        await options.verify(label, block, () => child.run(block, 64));
        calls += block;
      }
      // Fewer than 2 collections (raw `fetch`, optimized): a figure below one cycle's bytes over the calls.
      const counted = cycles();
      perCall[name] = { bytes: counted.reduce((sum, bytes) => sum + bytes, 0) / calls, collections: counted.length };
    } finally {
      child.close();
    }
  }
  return perCall;
}

/** Alternating blocks of `names`, as bench/run.ts's throughput does; fresh processes for each generation. */
async function alternate(runner: Runner, names: readonly RuntimeContenderName[], block: number, inFlight: number, options: RuntimeRowsOptions) {
  const samples = new Map(names.map((n) => [n, [] as RuntimeSample[]]));
  const label = (name: RuntimeContenderName) => `${runner.runtime}: ${name}`;
  for (let generation = 0, round = 0; generation < options.generations; generation++) {
    const children = new Map<RuntimeContenderName, Contender>();
    try {
      for (const name of names) {
        const child = await runner.start(name);
        children.set(name, child);
        await warm((calls) => options.verify(label(name), calls, () => child.run(calls, 64)), options.scale);
      }
      for (; round < Math.round((options.rounds * (generation + 1)) / options.generations); round++) {
        const order = round % 2 ? [...names].reverse() : names;
        for (const name of order) samples.get(name)!.push(await options.verify(label(name), block, () => children.get(name)!.run(block, inFlight)));
      }
    } finally {
      for (const child of children.values()) child.close();
    }
  }
  return samples;
}

export interface RuntimeRow {
  callsPerSecond: number;
  rounds: number[];
  /** Over all rounds (calls over time), as the Node rows. */
  toFetch: number;
  toBareOpenapiFetchWithSignal: number;
  /** The median of the ratios taken round by round, and the quartiles around it. */
  toBareOpenapiFetchWithSignalPaired: { median: number; q1: number; q3: number };
  cpuMicrosPerCall: number;
}

/** Bytes allocated per call, and how many collections the figure comes from. */
export interface Allocation {
  bytes: number;
  collections: number;
}

/** What runtimeRows measures. */
export interface RuntimeResults {
  /** { "<runtime> <version>": { sequential: {...}, "64 in flight": {...} } } */
  rows: Record<string, Record<string, Record<string, RuntimeRow>>>;
  /** { "bun <version>": { contender: bytes allocated per call } } */
  allocation: Record<string, Record<string, Allocation>>;
}

/** The runtime rows and Bun's allocation per call, printed as Markdown. */
export async function runtimeRows(options: RuntimeRowsOptions): Promise<RuntimeResults> {
  BASE.value = options.base;
  const dir = mkdtempSync(join(tmpdir(), "bench-runtimes-"));
  const results: RuntimeResults["rows"] = {};
  const allocated: RuntimeResults["allocation"] = {};
  try {
    const script = await bundleContenders(dir);
    const wanted = (kind: string) => !options.only || options.only.includes(kind);
    const runners: Runner[] = [];
    if (wanted("node")) runners.push(scriptRunner("node", process.versions.node, process.execPath, scriptArgs("node"), script));
    for (const runtime of matrix.filter((r) => (r.kind === "bun" || r.kind === "deno") && wanted(r.kind))) {
      // The matrix's own binaries, installed the matrix's way when missing.
      const binary = await ensureRuntime(runtime);
      runners.push(scriptRunner(runtime.kind, runtime.version, binary, scriptArgs(runtime.kind as "bun" | "deno"), script));
    }
    const workerd = matrix.find((r) => r.kind === "workerd");
    if (workerd && wanted("workerd")) runners.push(await workerdRunner(workerd.version, await ensureRuntime(workerd), dir));
    for (const runner of runners) {
      const key = `${runner.runtime} ${runner.version}`;
      results[key] = {};
      for (const [label, block, inFlight] of [
        ["sequential (1 in flight)", 500, 1],
        ["64 in flight", 2_000, 64],
      ] as const) {
        const samples = await alternate(runner, RUNTIME_CONTENDER_NAMES, Math.max(50, Math.round(block * options.scale)), inFlight, options);
        results[key][label] = table(samples);
        print(`${key}, ${label}`, results[key][label]);
      }
      if (runner.runtime === "bun") {
        allocated[key] = await allocation(runner, RUNTIME_CONTENDER_NAMES, options);
        console.log(`## Bytes allocated per call on ${key}, 64 in flight\n\n| contender | bytes per call | collections counted |\n|---|---:|---:|`);
        for (const [name, { bytes, collections }] of Object.entries(allocated[key])) console.log(`| ${name} | ${fmt(bytes)} | ${collections} |`);
        console.log();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows: results, allocation: allocated };
}

function table(samples: Map<RuntimeContenderName, RuntimeSample[]>): Record<string, RuntimeRow> {
  const rates = (name: RuntimeContenderName) => samples.get(name)!.map((s) => s.rate);
  // Equal blocks: the calls over the time is the harmonic mean of the rates.
  const rate = (name: RuntimeContenderName) => rates(name).length / rates(name).reduce((sum, r) => sum + 1 / r, 0);
  const rows: Record<string, RuntimeRow> = {};
  for (const name of samples.keys()) {
    const paired = rates(name).map((r, round) => r / rates(REFERENCE)[round]!);
    rows[name] = {
      callsPerSecond: rate(name),
      rounds: rates(name),
      toFetch: rate(name) / rate(RAW),
      toBareOpenapiFetchWithSignal: rate(name) / rate(REFERENCE),
      toBareOpenapiFetchWithSignalPaired: { median: median(paired), q1: quantile(paired, 0.25), q3: quantile(paired, 0.75) },
      cpuMicrosPerCall: samples.get(name)!.reduce((sum, s) => sum + s.cpuPerCall, 0) / samples.get(name)!.length,
    };
  }
  return rows;
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function print(title: string, rows: Record<string, RuntimeRow>): void {
  console.log(
    `## Throughput on ${title}\n\n| contender | calls/s | × raw fetch | × bare openapi-fetch + signal | the same, paired by round: median (quartiles) | CPU µs/call |\n|---|---:|---:|---:|---:|---:|`,
  );
  for (const [name, row] of Object.entries(rows)) {
    const { median: m, q1, q3 } = row.toBareOpenapiFetchWithSignalPaired;
    const cpu = row.cpuMicrosPerCall > 0 ? fmt(row.cpuMicrosPerCall, 1) : "–";
    console.log(
      `| ${name} | ${fmt(row.callsPerSecond)} | ${fmt(row.toFetch, 2)} | ${fmt(row.toBareOpenapiFetchWithSignal, 2)} | ${fmt(m, 2)} (${fmt(q1, 2)}–${fmt(q3, 2)}) | ${cpu} |`,
    );
  }
  console.log();
}
