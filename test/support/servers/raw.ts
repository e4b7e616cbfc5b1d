// A loopback server that answers every request with the same raw bytes, then closes the
// connection: status lines, header names and bodies no well-behaved HTTP server would send.
import { createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface RawServer {
  url: string;
  /** The bytes every request is answered with from now on. */
  answer(bytes: Buffer): void;
  close(): Promise<void>;
}

export async function startRawServer(): Promise<RawServer> {
  let reply: Buffer = Buffer.from("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}");
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let head = "";
    socket.on("data", (chunk) => {
      // Answer once the request's head is in; the requests under test carry small bodies.
      if (head.includes("\r\n\r\n")) return;
      head += chunk.toString("latin1");
      if (head.includes("\r\n\r\n")) socket.end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answer: (bytes) => {
      reply = bytes;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An HTTP/1.1 answer: the status line, the headers as given, a content-length unless one is given, the body. */
export function rawAnswer(status: number, headers: [string, string][], body: Buffer | string): Buffer {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  const lines = [`HTTP/1.1 ${status} X`, ...headers.map(([name, value]) => `${name}: ${value}`)];
  if (!headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name))) lines.push(`content-length: ${bytes.length}`);
  lines.push("connection: close");
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), bytes]);
}
