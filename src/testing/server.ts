// Server mode: one loopback HTTP server on 127.0.0.1 that answers the REST operations and
// upgrades the channel's path to a WebSocket (the `ws` package, loaded only here).
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { MeetingInputError } from "../errors.js";
import { admit, openChannel, type FakeChannel } from "./channel.js";
import { codes } from "./codes.js";
import { errorAnswer, MAX_BODY_BYTES, refuseRequest, respond, type Answer, type Context } from "./respond.js";
import { fakeId } from "./state.js";
import { operations, SpecDriftError } from "./request-rules.js";

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

// RFC 9110 §7.2: Host is uri-host [":" port]; user info ("user:pass@") is not part of it.
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~%!$&'()*+,;=]+)(:\d*)?$/;
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/** The path and query of a request target in origin-, absolute- or asterisk-form (RFC 9112 §3.2); `undefined` when it is none of them. */
function readTarget(target: string): { path: string; query: URLSearchParams } | undefined {
  if (target === "*") return { path: "*", query: new URLSearchParams() };
  let url: URL;
  if (target.startsWith("/")) {
    url = new URL(`http://127.0.0.1${target}`);
  } else if (ABSOLUTE.test(target) && URL.canParse(target)) {
    url = new URL(target);
    if (url.username !== "" || url.password !== "") return undefined;
  } else {
    return undefined;
  }
  return { path: url.pathname, query: url.searchParams };
}

/** A Host field as RFC 9110 and 9112 want it: exactly one, well-formed (required from HTTP/1.1 on). */
function hostIsValid(req: IncomingMessage): boolean {
  const hosts = req.rawHeaders.filter((_, index) => index % 2 === 0 && req.rawHeaders[index]?.toLowerCase() === "host").length;
  if (hosts === 0) return req.httpVersionMajor === 1 && req.httpVersionMinor === 0;
  return hosts === 1 && HOST.test(req.headers.host ?? "");
}

/** The body, or `undefined` once it passes `MAX_BODY_BYTES` (the rest is not kept). */
const readBody = (request: IncomingMessage) =>
  new Promise<Uint8Array | undefined>((resolve, reject) => {
    if (Number(request.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        request.pause();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });

/** An answer written straight to a socket that has no `ServerResponse` (a parse error, CONNECT, a refused upgrade); the connection closes after it. */
function writeRaw(socket: Duplex, answer: Answer): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const headers = { ...answer.headers, ...CORS, "content-length": String(Buffer.byteLength(answer.body)), connection: "close" };
  const head = [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ""}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  socket.end(`${head.join("\r\n")}\r\n\r\n${answer.body}`);
}

/** What the fake says when it fails: never the error's text, which may hold request data, except for its own spec drift. */
const internalFailure = (error: unknown): Answer => errorAnswer(codes.internal, {}, error instanceof SpecDriftError ? error.message : undefined);

export async function serve(context: Context, channels: Set<FakeChannel>, port = 0): Promise<FakeServer> {
  const { state } = context;
  const { WebSocketServer } = await loadWs();
  const sockets = new WebSocketServer({ noServer: true });
  let wsURL = "";
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const send = (reply: Answer) => {
      res.writeHead(reply.status, { ...reply.headers, ...CORS });
      res.end(reply.body);
    };
    const method = req.method ?? "";
    try {
      const target = readTarget(req.url ?? "");
      if (target === undefined || !hostIsValid(req) || (target.path === "*" && method !== "OPTIONS")) {
        // Nothing of a malformed request is echoed: its target or Host may hold credentials.
        res.setHeader("connection", "close");
        send(refuseRequest(context, method, target?.path ?? "", codes.malformed));
        return;
      }
      // A preflight is the browser's question, not an API request: answered here, never journaled.
      if (method === "OPTIONS" && req.headers.origin !== undefined && req.headers["access-control-request-method"] !== undefined) {
        res.writeHead(204, { ...PREFLIGHT, "x-request-id": fakeId() }).end();
        return;
      }
      const body = await readBody(req);
      if (body === undefined) {
        res.setHeader("connection", "close");
        send(refuseRequest(context, method, target.path, codes.tooLarge));
        return;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      send(await respond(context, { method, path: target.path, query: target.query, headers, body, wsURL }));
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      send(internalFailure(error));
    }
  };
  // Node's own host check answers 400 in plain text: the fake checks Host itself, and answers JSON.
  const server = createServer({ requireHostHeader: false }, (req, res) => void answer(req, res));
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === "ECONNRESET") {
      socket.destroy();
      return;
    }
    const code = error.code === "HPE_HEADER_OVERFLOW" ? codes.headersTooLarge : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? codes.timeout : codes.malformed;
    writeRaw(socket, errorAnswer(code));
  });
  // The fake is no proxy: CONNECT names a host, not one of its resources.
  server.on("connect", (_req: IncomingMessage, socket: Duplex) =>
    writeRaw(socket, errorAnswer(codes.wrongMethod, { allow: [...new Set(specs.map(({ method }) => method))].join(", ") })),
  );
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    let meeting: ReturnType<typeof admit>;
    try {
      const target = readTarget(req.url ?? "");
      const websocket = (req.headers.upgrade ?? "").toLowerCase() === "websocket";
      meeting = target && websocket && hostIsValid(req) ? admit(state, new URL(`ws://127.0.0.1${target.path}?${target.query}`)) : undefined;
    } catch (error) {
      writeRaw(socket, internalFailure(error));
      return;
    }
    if (!meeting) {
      writeRaw(socket, errorAnswer(codes.tokenRefused));
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
  // The channel's address is the server's own, never what a Host header claims.
  wsURL = url.replace(/^http/, "ws");
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
