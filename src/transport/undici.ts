// The Node sender: undici's request() on a keep-alive pool, skipping the WHATWG fetch layers.
// undici is loaded on the first call, so creating a client costs nothing at start-up.
import { EventEmitter } from "node:events";
import type { Readable } from "node:stream";
import type { Dispatcher } from "undici";
import { tooLarge, type Sender } from "../transport.js";
import { CallResponse } from "./call-response.js";
import { fail } from "../validate.js";

type Undici = typeof import("undici");
let loading: Promise<Undici> | undefined;

/** The sender; `dispatcher` (`null` when the caller also passed a `fetch`) is checked here. */
export function undiciSender(dispatcher?: Dispatcher | null): Sender {
  if (dispatcher === null || (dispatcher !== undefined && typeof dispatcher?.dispatch !== "function")) {
    fail("dispatcher", "must be an undici Dispatcher, and only without fetch");
  }
  let undici: Undici | undefined;
  return async (url, init) => {
    // undici takes an EventEmitter as a signal: far cheaper than an AbortController per attempt.
    // `aborted` also covers an abort that comes before the request starts (undici still loading).
    const signal = Object.assign(new EventEmitter(), { aborted: false });
    init.abort = () => {
      signal.aborted = true;
      signal.emit("abort");
    };
    const { method, headers, body, limit } = init;
    undici ??= await (loading ??= import("undici"));
    const plain: Record<string, string> = {};
    headers.forEach((value, name) => (plain[name] = value));
    const { statusCode, headers: received, body: stream } = await undici.request(url, {
      method: method as Dispatcher.HttpMethod,
      headers: plain,
      body: body === null ? undefined : typeof body === "string" ? body : Buffer.from(body),
      signal,
      dispatcher: dispatcher ?? undefined,
      // request() follows no redirect; 0 also stops a redirect interceptor on a caller's dispatcher.
      maxRedirections: 0,
    } as Parameters<Undici["request"]>[1]);
    const length = received["content-length"];
    const encoding = received["content-encoding"];
    if (Number(length) > limit) {
      stream.destroy();
      throw tooLarge(url, init);
    }
    // A stated length bounds the body (undici reads no further), unless it is to be decoded.
    const text =
      length !== undefined && encoding === undefined
        ? await stream.text()
        : (await decode(await readCapped(stream, limit, () => tooLarge(url, init)), encoding, limit, () => tooLarge(url, init))).toString();
    return new NodeResponse(statusCode, toHeaders(received), url, text) as unknown as Response;
  };
}

/** undici gives no reason phrase: node:http has them, imported only when asked, as start-up time counts. */
class NodeResponse extends CallResponse {
  override get statusText(): string {
    return process.getBuiltinModule("node:http").STATUS_CODES[this.status] ?? "";
  }
}

/** Reads a stream whole, or destroys it and rejects with `cut()` as soon as it passes `limit` bytes. */
function readCapped(stream: Readable, limit: number, cut: () => Error): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stream.destroy();
      reject(cut());
    });
    stream.on("end", () => resolve(Buffer.concat(chunks, size)));
    stream.on("error", reject);
  });
}

/**
 * Undoes what `Content-Encoding` lists (gzip, deflate, br; last applied first), as fetch does,
 * never producing more than `limit` bytes: a decompression bomb is cut. Unknown codings are
 * left as they are, as fetch leaves them.
 */
async function decode(bytes: Buffer, encoding: string | string[] | undefined, limit: number, cut: () => Error): Promise<Buffer> {
  if (encoding === undefined) return bytes;
  // node:zlib only when a body is encoded: importing it up front costs start-up time.
  const zlib = process.getBuiltinModule("node:zlib");
  const codings = String(encoding).toLowerCase().split(",").reverse();
  for (const coding of codings) {
    const name = coding.trim();
    // "deflate" is zlib-wrapped by the standard, raw in practice now and then: the first byte tells.
    const method: Decompress | undefined =
      name === "gzip" || name === "x-gzip" ? zlib.gunzip
      : name === "br" ? zlib.brotliDecompress
      : name === "deflate" ? ((bytes[0]! & 0x0f) === 8 ? zlib.inflate : zlib.inflateRaw)
      : undefined;
    if (!method) continue;
    bytes = await new Promise<Buffer>((resolve, reject) =>
      method(bytes, { maxOutputLength: limit }, (error, result) => (error ? reject((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? cut() : error) : resolve(result))),
    );
  }
  return bytes;
}

type Decompress = (bytes: Buffer, options: { maxOutputLength: number }, done: (error: Error | null, result: Buffer) => void) => void;

function toHeaders(received: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const name in received) {
    const value = received[name];
    if (typeof value === "string") headers.append(name, value);
    else if (value) for (const item of value) headers.append(name, item);
  }
  return headers;
}
