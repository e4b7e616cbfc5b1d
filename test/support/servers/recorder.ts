// A loopback HTTP server that records every request it receives and answers from a script.
import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import { serveLoopback } from "./loopback.js";

export interface Recorded {
  method: string;
  /** The raw request target, exactly as it arrived: path and query string. */
  target: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

export type Responder = (request: Recorded, res: ServerResponse) => Answer | void;

export interface Recorder {
  url: string;
  requests: Recorded[];
  /** Sets how the next requests are answered (default: 200 with `{}`). */
  respond(responder: Responder): void;
  close(): Promise<void>;
}

export async function startRecorder(responder?: Responder): Promise<Recorder> {
  let respond: Responder = responder ?? (() => ({}));
  const requests: Recorded[] = [];
  const loopback = await serveLoopback((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded: Recorded = {
        method: req.method ?? "",
        target: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      const answer = respond(recorded, res);
      if (!answer) return; // the responder took over the socket
      res.writeHead(answer.status ?? 200, { "content-type": "application/json", ...answer.headers });
      res.end(answer.body ?? "{}");
    });
  });
  return {
    url: loopback.url,
    requests,
    respond: (next) => {
      respond = next;
    },
    close: loopback.close,
  };
}
