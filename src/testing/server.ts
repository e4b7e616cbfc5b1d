// Server mode: one loopback HTTP server on 127.0.0.1 that answers the REST operations and
// upgrades the channel's path to a WebSocket (the `ws` package, loaded only here).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { MeetingInputError } from "../errors.js";
import { admit, openChannel, type FakeChannel } from "./channel.js";
import type { State } from "./state.js";
import { operations } from "./request-rules.js";

/** A running loopback server. */
export interface FakeServer {
  /** `http://127.0.0.1:<port>`: the base URL for a client, and the host of `ws://` for the channel. */
  readonly url: string;
  /** Stops the server and ends its connections, WebSockets included. */
  close(): Promise<void>;
}

type Ws = typeof import("ws");

async function loadWs(): Promise<Ws> {
  try {
    return await import("ws");
  } catch {
    throw new MeetingInputError("listen()", "needs the `ws` package: npm install --save-dev ws");
  }
}

const body = (request: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });

// CORS, so a page on another loopback origin can call the fake with its own fetch. No request
// carries cookies, so any origin may call; what a preflight allows comes from openapi.yaml: its
// methods, and its header parameters besides Content-Type. The answer's X-Request-Id and
// Retry-After are what a client reads beyond the safelisted headers.
const specs = Object.values(operations);
const CORS = { "access-control-allow-origin": "*", "access-control-expose-headers": "X-Request-Id, Retry-After" };
const PREFLIGHT = {
  ...CORS,
  "access-control-allow-methods": [...new Set(specs.map(({ method }) => method))].join(", "),
  "access-control-allow-headers": ["Content-Type", ...new Set(specs.flatMap(({ parameters }) => parameters.filter((p) => p.in === "header").map((p) => p.name)))].join(", "),
  "access-control-max-age": "600",
};

export async function serve(state: State, channels: Set<FakeChannel>, handle: (request: Request) => Promise<Response>, port = 0): Promise<FakeServer> {
  const { WebSocketServer } = await loadWs();
  const sockets = new WebSocketServer({ noServer: true });
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    // A preflight is the browser's question, not an API request: answered here, never journaled.
    if (req.method === "OPTIONS" && req.headers.origin !== undefined && req.headers["access-control-request-method"] !== undefined) {
      res.writeHead(204, PREFLIGHT).end();
      return;
    }
    try {
      const raw = await body(req);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      const response = await handle(
        new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, {
          method: req.method,
          headers,
          body: req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(raw),
        }),
      );
      res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...CORS });
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      // Only a fake that is about to break its spec gets here: answer 500 and say why.
      res.writeHead(500, { "content-type": "text/plain", ...CORS });
      res.end(String(error));
    }
  };
  const server = createServer((req, res) => void answer(req, res));
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const meeting = admit(state, new URL(req.url ?? "/", "ws://127.0.0.1"));
    if (!meeting) {
      socket.end("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      const channel = openChannel(state, meeting, { send: (text) => ws.send(text), close: (code, reason) => (code === 1006 ? ws.terminate() : ws.close(code, reason)) }, channels);
      ws.on("message", (data) => channel.receive(String(data)));
      ws.on("close", () => channel.closed());
      ws.on("error", () => channel.closed());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  // The fake's clock advances with real time too: closes silent channels as a real server would.
  const sweeper = setInterval(() => {
    for (const channel of [...channels]) channel.sweep();
  }, 1000);
  sweeper.unref();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        for (const ws of sockets.clients) ws.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
