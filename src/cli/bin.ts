#!/usr/bin/env node
/// <reference types="node" />
import { EXIT, main } from "./main.js";

// No exit code outside the documented ones, whatever happens: anything unforeseen is 1, in one line.
const unexpected = (error: unknown) => {
  process.stderr.write(`meeting-control: unexpected failure (a bug: please report it): ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(EXIT.failure);
};
process.on("uncaughtException", unexpected);
process.on("unhandledRejection", unexpected);
// A reader that stops early (`| head`) is not a failure of the command.
process.stdout.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" ? process.exit(process.exitCode ?? EXIT.ok) : unexpected(error)));

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdin: process.stdin,
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
