#!/usr/bin/env node
/// <reference types="node" />
import { main } from "./main.js";

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdin: process.stdin,
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
