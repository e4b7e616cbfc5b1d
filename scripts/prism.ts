// Starts the Prism mock of openapi.yaml on loopback, for tests, `npm run mock` and `npm start`.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const specPath = join(root, "openapi.yaml");

export interface Prism {
  url: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function prismBin(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve("@stoplight/prism-cli/package.json");
  const { bin } = require(pkgPath) as { bin: Record<string, string> };
  return join(dirname(pkgPath), bin.prism ?? "dist/index.js");
}

/**
 * Starts Prism and resolves once it listens. `log` receives its output lines. With `proxy` (an
 * upstream URL), Prism is a validating proxy in front of it (`prism proxy --errors`) instead of a mock.
 */
export async function startPrism(options: { port?: number; log?: (line: string) => void; timeoutMs?: number; proxy?: string } = {}): Promise<Prism> {
  const port = options.port ?? (await freePort());
  const mode = options.proxy === undefined ? ["mock", specPath] : ["proxy", specPath, options.proxy, "--errors"];
  const child = spawn(process.execPath, [prismBin(), ...mode, "--host", "127.0.0.1", "--port", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Prism did not start within ${options.timeoutMs ?? 30_000} ms`)), options.timeoutMs ?? 30_000);
    let output: string | undefined = "";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      for (const line of text.split("\n")) if (line.trim()) options.log?.(line);
      if (output === undefined) return;
      output += text;
      if (output.includes("Prism is listening on")) {
        output = undefined;
        clearTimeout(timer);
        resolve();
      }
    };
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${error.message}\n${output ?? ""}`));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => fail(new Error(`Prism exited with code ${code} before listening`)));
    child.once("error", fail);
  });
  child.removeAllListeners("exit");
  return { url, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 3_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
