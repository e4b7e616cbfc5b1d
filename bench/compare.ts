// A change against this checkout, on one runtime, in paired rounds: how this round found what a
// timer per attempt costs Deno (bench/README.md). The universal entry of this checkout's src/
// ("A") and of another's ("B", a git worktree with the change) are bundled with the runtime
// rows' contender (bench/runtime-contender.ts), each in a process of its own beside bare
// openapi-fetch + signal, against the bench's checking server. The three take turns in blocks,
// and each ratio to bare openapi-fetch is the median of the round-by-round ratios, with its
// quartiles: what changes between A and B shows through the machine's drift.
//
//   npm run bench:compare -- deno ../worktree-with-the-change ["universal entry, meeting.api"]
//   BENCH_ROUNDS=30 BENCH_IN_FLIGHT=1 npm run bench:compare -- bun ../other
import { fork, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { root } from "../scripts/prism.js";
import { ensureRuntime, runtimes } from "../scripts/runtimes.js";
import { RUNTIME_CONTENDER_NAMES, type RuntimeContenderName } from "./runtime-names.js";
import { bundleContenders, lineContender, type RuntimeSample, scriptArgs, warm } from "./runtimes.js";

const [kind, other, contender = "universal entry, { token }"] = process.argv.slice(2) as [string, string, RuntimeContenderName];
const runtime = runtimes.find((r) => r.kind === kind && r.pkg);
if (!(runtime && (kind === "bun" || kind === "deno")) && kind !== "node") throw new Error("usage: bench:compare -- <node|bun|deno> <other checkout> [contender]");
if (!other || !existsSync(join(other, "src/universal.ts"))) throw new Error(`${other}: no src/universal.ts there`);
if (!RUNTIME_CONTENDER_NAMES.includes(contender) || !contender.startsWith("universal entry")) throw new Error(`contender: one of the universal entry's rows, got ${contender}`);
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const inFlight = Number(process.env.BENCH_IN_FLIGHT ?? 64);
const block = inFlight === 1 ? 800 : 3_000;
const REFERENCE: RuntimeContenderName = "bare openapi-fetch + an AbortSignal per call";

const server = fork(join(root, "bench/server.ts"), [], { execArgv: ["--import", "tsx"] });
const port = await new Promise<number>((done) => server.once("message", (m) => done((m as { port: number }).port)));
const base = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(join(tmpdir(), "bench-compare-"));
try {
  const scripts = { A: await bundleContenders(join(dir, "a"), root), B: await bundleContenders(join(dir, "b"), resolve(other)) };
  const binary = kind === "node" ? process.execPath : await ensureRuntime(runtime!);
  const args = scriptArgs(kind as "node" | "bun" | "deno");
  /** A contender in a process of its own, warmed as the runtime rows warm theirs. */
  const start = async (script: string, name: RuntimeContenderName) => {
    const env = { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" };
    const child = await lineContender(spawn(binary, [...args(script), name, base], { cwd: tmpdir(), env, stdio: ["pipe", "pipe", "pipe"] }));
    await warm((calls) => child.run(calls, 64), 1);
    return child;
  };
  const contenders = {
    [REFERENCE]: await start(scripts.A, REFERENCE),
    [`A (this checkout): ${contender}`]: await start(scripts.A, contender),
    [`B (${other}): ${contender}`]: await start(scripts.B, contender),
  };
  const samples = Object.fromEntries(Object.keys(contenders).map((name) => [name, [] as RuntimeSample[]]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? Object.keys(contenders).reverse() : Object.keys(contenders);
    for (const name of order) samples[name]!.push(await contenders[name]!.run(block, inFlight));
  }
  for (const c of Object.values(contenders)) c.close();
  const stats = await new Promise<{ invalid: number; reasons: string[] }>((done) => get(`${base}/stats`, (res) => res.on("data", (d: Buffer) => done(JSON.parse(String(d))))));
  if (stats.invalid) throw new Error(`the server saw ${stats.invalid} wrong requests: ${stats.reasons.join("; ")}`);
  const at = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;
  const paired = (name: string, of: "rate" | "cpuPerCall") => {
    const ratios = samples[name]!.map((s, i) => s[of] / samples[REFERENCE]![i]![of]);
    return `${at(ratios, 0.5).toFixed(3)}× (${at(ratios, 0.25).toFixed(2)}–${at(ratios, 0.75).toFixed(2)})`;
  };
  console.log(
    `\n${kind} ${runtime?.version ?? process.versions.node}, ${inFlight} in flight, ${rounds} rounds of ${block} calls; paired by round against bare openapi-fetch + signal:\n`,
  );
  console.log("| contender | calls/s, paired | CPU per call, paired | CPU µs/call, median |\n|---|---:|---:|---:|");
  for (const name of Object.keys(contenders)) {
    console.log(
      `| ${name} | ${paired(name, "rate")} | ${paired(name, "cpuPerCall")} | ${at(
        samples[name]!.map((s) => s.cpuPerCall),
        0.5,
      ).toFixed(1)} |`,
    );
  }
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
