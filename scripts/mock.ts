// npm run mock: Prism serving openapi.yaml on 127.0.0.1:$PRISM_PORT (default 4010) until stopped.
// Stopping npm stops Prism: npm passes SIGINT and SIGTERM to its child, which the script's
// `exec` makes this process rather than a shell (a shell would not pass them on); and should
// this process be orphaned all the same, it stops too.
import { createServer } from "node:net";
import { startPrism } from "./prism.js";

const port = Number(process.env.PRISM_PORT ?? 4010);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`PRISM_PORT must be a port number (1-65535), got ${JSON.stringify(process.env.PRISM_PORT)}`);
  process.exit(2);
}

/** Why the port cannot be listened on (in use, not allowed), or undefined when it can. */
function portProblem(): Promise<string | undefined> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "EADDRINUSE" ? "is in use" : `cannot be listened on (${error.code})`));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(undefined)));
  });
}

const problem = await portProblem();
if (problem) {
  console.error(`npm run mock: port ${port} on 127.0.0.1 ${problem}; stop what holds it, or choose another with PRISM_PORT=<port>`);
  process.exit(1);
}

// Prism's start-up lines are shown once it listens; a failure is one line, not its whole output.
const lines: string[] = [];
let log = (line: string): void => {
  lines.push(line);
};
const prism = await startPrism({ port, log: (line) => log(line) }).catch((error: Error) => {
  console.error(`npm run mock: Prism did not start on port ${port}: ${error.message.split("\n")[0]}`);
  process.exit(1);
});
// Ready to stop Prism before anything says it listens: whoever reads that may signal at once,
// and a signal with no handler would end this process and leave Prism serving.
let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  void prism.stop().then(() => process.exit(0));
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
process.once("SIGHUP", shutdown);
// Orphaned (the shell npm ran this under was killed): stop too, so that no Prism keeps serving.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && shutdown(), 250);
console.log(lines.join("\n"));
log = (line) => {
  console.log(line);
};
console.log(`Mock of openapi.yaml listening on ${prism.url} (Ctrl-C stops it)`);
