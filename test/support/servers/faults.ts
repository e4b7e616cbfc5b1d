// A loopback server scripted per test: each request takes the next step of the script (the
// last step repeats). It records every request it receives, with when it arrived.
import type { ServerResponse } from "node:http";
import { serveLoopback } from "./loopback.js";
import type { Recorded } from "./recorder.js";

export type Step =
  | { status: number; headers?: Record<string, string>; body?: string }
  | "reset" // destroy the connection once the request has arrived
  | "hang" // accept the request and never answer
  | "stall-body" // send the headers and half the body, then nothing
  | "cut-body" // promise a body, send half of it, close the connection
  | "cut-chunked"; // a 200 of no stated length (chunked): half the body, then the connection closes

export interface FaultServer {
  url: string;
  requests: (Recorded & { at: number })[];
  close(): Promise<void>;
}

const PARTIAL = '{"participants":[{"pid":"p1","na';

export async function startFaultServer(script: Step[]): Promise<FaultServer> {
  const requests: FaultServer["requests"] = [];
  const loopback = await serveLoopback((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const index = requests.length;
      requests.push({
        method: req.method ?? "",
        target: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: performance.now(),
      });
      play(script[Math.min(index, script.length - 1)]!, res);
    });
  });
  return { url: loopback.url, requests, close: loopback.close };
}

function play(step: Step, res: ServerResponse) {
  if (step === "hang") return;
  if (step === "reset") return void res.socket?.resetAndDestroy();
  if (step === "cut-chunked") {
    res.writeHead(200, { "content-type": "application/json" });
    res.write(PARTIAL);
    setTimeout(() => res.socket?.destroy(), 10);
    return;
  }
  if (step === "stall-body" || step === "cut-body") {
    res.writeHead(200, { "content-type": "application/json", "content-length": String(PARTIAL.length * 2) });
    res.write(PARTIAL);
    if (step === "cut-body") setTimeout(() => res.socket?.destroy(), 10);
    return;
  }
  res.writeHead(step.status, { "content-type": "application/json", ...step.headers });
  res.end(step.body ?? "{}");
}
