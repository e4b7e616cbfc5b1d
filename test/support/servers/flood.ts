// A hostile server, run in a process of its own (so its memory is not the client's): the first
// path segment picks what it does. It reports its port over IPC, and counts requests per mode
// (GET /stats).
import { createServer, type ServerResponse } from "node:http";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";

const MiB = 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 0x20);
const counts: Record<string, number> = {};
// 128 MiB of spaces gzip to about 128 KiB.
let bomb: Buffer | undefined;

/** Writes `chunk` until the client goes away (or `total` bytes are out), minding backpressure. */
function flood(res: ServerResponse, total = Infinity) {
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end();
  };
  res.on("close", () => res.removeAllListeners("drain"));
  pump();
}

const encoders: Record<string, (bytes: Buffer) => Buffer> = {
  gzip: gzipSync,
  deflate: deflateSync,
  "deflate-raw": deflateRawSync,
  br: brotliCompressSync,
};

const server = createServer((req, res) => {
  const [, mode = "", status = "200"] = (req.url ?? "").split("?")[0]!.split("/");
  req.resume();
  if (mode === "stats") return res.end(JSON.stringify(counts));
  counts[mode] = (counts[mode] ?? 0) + 1;
  const code = Number(status) || 200;
  if (mode === "length") {
    // 512 MiB announced; sent until the client hangs up.
    res.writeHead(code, { "content-type": "application/json", "content-length": String(512 * MiB) });
    return flood(res, 512 * MiB);
  }
  if (mode === "endless") {
    res.writeHead(code, { "content-type": "application/json" });
    return flood(res);
  }
  if (mode === "bomb") {
    bomb ??= gzipSync(Buffer.alloc(128 * MiB, 0x20));
    res.writeHead(code, { "content-type": "application/json", "content-encoding": "gzip", "content-length": String(bomb.length) });
    return res.end(bomb);
  }
  if (mode in encoders) {
    const body = code === 200 ? { participants: [{ pid: "p1", name: "Alice" }] } : { error_code: "MMC.111070005", error_msg: "no such conference" };
    const bytes = encoders[mode]!(Buffer.from(JSON.stringify(body)));
    res.writeHead(code, { "content-type": "application/json", "content-encoding": mode === "deflate-raw" ? "deflate" : mode, "content-length": String(bytes.length) });
    return res.end(bytes);
  }
  res.writeHead(404).end();
});
server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as { port: number }).port }));
process.on("disconnect", () => process.exit(0));
