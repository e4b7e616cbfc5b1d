// `npm run mock`, spawned as a user runs it: a busy port is one clear line and a non-zero
// exit; stopping npm stops Prism too, so that no orphan keeps serving.
import { spawn } from "node:child_process";
import { connect, createServer, type Server } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort, root } from "../../scripts/prism.js";

interface Mock {
  pid: number;
  output: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: number[] = [];

/** Stops every process group a test started, should anything of one still run. */
function cleanUp() {
  for (const pid of started.splice(0)) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {}
  }
}

function npmRunMock(port: number): Mock {
  // Its own process group, so that whatever a failing test leaves behind can be stopped (cleanUp).
  const child = spawn("npm", ["run", "mock"], { cwd: root, env: { ...process.env, PRISM_PORT: String(port) }, detached: true });
  started.push(child.pid!);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return {
    pid: child.pid!,
    output: () => stdout + stderr,
    stderr: () => stderr,
    exited: new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal }))),
  };
}

/** Whether something accepts connections on the port. */
const serving = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await check()) return true;
  return false;
}

describe("npm run mock", () => {
  let busy: Server;
  let busyPort: number;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    busyPort = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));
  afterEach(cleanUp);

  it("on a busy port: one clear line naming the port and PRISM_PORT, and a non-zero exit", async () => {
    const mock = npmRunMock(busyPort);
    const { code } = await mock.exited;
    expect(code).not.toBe(0);
    const ours = mock
      .stderr()
      .split("\n")
      .filter((line) => line.trim() && !line.startsWith("npm error"));
    expect(ours).toEqual([`npm run mock: port ${busyPort} on 127.0.0.1 is in use; stop what holds it, or choose another with PRISM_PORT=<port>`]);
    expect(mock.output()).not.toContain("[CLI]");
  }, 60_000);

  it.each(["SIGTERM", "SIGINT"] as const)(
    "%s to the npm process stops Prism too: nothing keeps serving the port",
    async (signal) => {
      const port = await freePort();
      const mock = npmRunMock(port);
      expect(await until(() => mock.output().includes("listening on"), 50_000)).toBe(true);
      expect(await serving(port)).toBe(true);
      process.kill(mock.pid, signal);
      await mock.exited;
      expect(await until(async () => !(await serving(port)), 10_000), `port ${port} still served after npm exited; its output:\n${mock.output()}`).toBe(true);
    },
    90_000,
  );
});
