// The Node sender: undici's dispatcher, the layer undici's own request() is built on, with a
// handler that keeps only what the answer needs: no body stream, no header object in between,
// no abort signal. undici is loaded on the first call, so creating a client costs nothing at start-up.
import type { Dispatcher } from "undici";
import type { WebSocketConstructor } from "../events/types.js";
import { CallResponse } from "./call-response.js";
import { NoAnswer, tooLarge, type Sender } from "./sender.js";

type Undici = typeof import("undici");
let loading: Promise<Undici> | undefined;

/** The sender on `dispatcher` (checked by options.ts); default: undici's global dispatcher. */
export function undiciSender(dispatcher: Dispatcher | undefined): Sender {
  let undici: Undici | undefined;
  return async (url, init) => {
    // Given up while undici is still loading: the request is never sent.
    let stopped = false;
    init.abort = () => {
      stopped = true;
    };
    const { method, headers, body, limit } = init;
    loading ??= import("undici");
    undici ??= await loading;
    const loaded = undici;
    if (stopped) throw new Error("aborted before sending");
    const plain: Record<string, string> = {};
    headers.forEach((value, name) => {
      plain[name] = value;
    });
    const { origin, pathname, search } = new URL(url);
    const cut = () => tooLarge(url, init);
    const answer = await new Promise<Answer>((resolve, reject) => {
      const handler = new AnswerHandler(limit, cut, resolve, reject, (status) => {
        init.status = status;
      });
      init.abort = () => handler.stop(new Error("aborted"));
      (dispatcher ?? loaded.getGlobalDispatcher()).dispatch(
        {
          origin,
          path: pathname + search,
          method: method as Dispatcher.HttpMethod,
          headers: plain,
          body: body === null ? undefined : typeof body === "string" ? body : Buffer.from(body),
          // Follows no redirect; 0 also stops a redirect interceptor on a caller's dispatcher.
          maxRedirections: 0,
        } as Dispatcher.DispatchOptions,
        handler as unknown as Dispatcher.DispatchHandler,
      );
    });
    const text = (await decode(answer.bytes, answer.encoding, limit, cut)).toString();
    return new CallResponse(answer.status, answer.headers, url, text, answer.statusText) as unknown as Response;
  };
}

interface Answer {
  status: number;
  statusText: string;
  headers: Headers;
  encoding: string | undefined;
  bytes: Buffer;
}

/**
 * Receives one answer from undici's dispatcher: headers straight into a `Headers`, the body
 * into a list of chunks, cut as soon as it passes `limit` (a stated length past it is refused
 * before reading). Any failure closes the connection; one before the answer's headers is the
 * network's (`NoAnswer`), one after them ends the call.
 */
class AnswerHandler {
  #abort: ((reason: Error) => void) | undefined;
  #stopped: Error | undefined;
  #answer: Answer | undefined;
  #chunks: Buffer[] = [];
  #size = 0;

  constructor(
    readonly limit: number,
    readonly tooLarge: () => Error,
    readonly resolve: (answer: Answer) => void,
    readonly reject: (error: unknown) => void,
    readonly arrived: (status: number) => void,
  ) {}

  /** Stops the exchange: the connection is closed, and the answer is `reason`. */
  stop(reason: Error): void {
    this.#stopped ??= reason;
    this.#abort?.(reason);
  }

  onConnect(abort: (reason: Error) => void): void {
    this.#abort = abort;
    if (this.#stopped) abort(this.#stopped);
  }

  onHeaders(status: number, raw: Buffer[], _resume: () => void, statusText: string): boolean {
    // An informational answer (100 Continue …) comes before the real one.
    if (status < 200) return true;
    this.arrived(status);
    const headers = new Headers();
    let length: string | undefined;
    let encoding: string | undefined;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = (raw[i] as Buffer).toString("latin1");
      const value = (raw[i + 1] as Buffer).toString("latin1");
      headers.append(name, value);
      const lower = name.toLowerCase();
      if (lower === "content-length") length = value;
      else if (lower === "content-encoding") encoding = encoding === undefined ? value : `${encoding}, ${value}`;
    }
    if (Number(length) > this.limit) return this.fail(this.tooLarge());
    this.#answer = { status, statusText, headers, encoding, bytes: Buffer.alloc(0) };
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.#size += chunk.length;
    if (this.#size > this.limit) return this.fail(this.tooLarge());
    this.#chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    const answer = this.#answer;
    // undici calls onComplete only after onHeaders with a final status.
    if (!answer) {
      this.reject(new Error("completed without an answer"));
      return;
    }
    // One chunk (most answers) is the body as it is: no copy.
    const [first] = this.#chunks;
    answer.bytes = first && this.#chunks.length === 1 ? first : Buffer.concat(this.#chunks, this.#size);
    this.resolve(answer);
  }

  onError(error: unknown): void {
    this.reject(this.#stopped ?? (this.#answer ? error : new NoAnswer(error)));
  }

  /** Rejects with `error` at once and closes the connection; `false` tells undici to read no more. */
  fail(error: Error): false {
    this.reject(error);
    this.stop(error);
    return false;
  }
}

/**
 * Undoes what `Content-Encoding` lists (gzip, deflate, br; last applied first), as fetch does,
 * never producing more than `limit` bytes: a decompression bomb is cut. Unknown codings are
 * left as they are, as fetch leaves them.
 */
async function decode(bytes: Buffer, encoding: string | undefined, limit: number, cut: () => Error): Promise<Buffer> {
  if (encoding === undefined) return bytes;
  // node:zlib only when a body is encoded: importing it up front costs start-up time.
  const zlib = process.getBuiltinModule("node:zlib");
  const codings = encoding.toLowerCase().split(",").reverse();
  for (const coding of codings) {
    const method = decompressor(zlib, coding.trim(), bytes);
    if (!method) continue;
    bytes = await new Promise<Buffer>((resolve, reject) =>
      method(bytes, { maxOutputLength: limit }, (error, result) =>
        error ? reject((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? cut() : error) : resolve(result),
      ),
    );
  }
  return bytes;
}

/** How to undo one content coding; `undefined` for a coding fetch leaves as it is. */
function decompressor(zlib: typeof import("node:zlib"), coding: string, bytes: Buffer): Decompress | undefined {
  if (coding === "gzip" || coding === "x-gzip") return zlib.gunzip;
  if (coding === "br") return zlib.brotliDecompress;
  // Zlib-wrapped by the standard, raw in practice now and then: the first byte tells.
  if (coding === "deflate") return ((bytes[0] ?? 0) & 0x0f) === 8 ? zlib.inflate : zlib.inflateRaw;
  return undefined;
}

type Decompress = (bytes: Buffer, options: { maxOutputLength: number }, done: (error: Error | null, result: Buffer) => void) => void;

/** undici's WebSocket on `dispatcher` (default: undici's global one): the Node default of the event channel. */
export async function undiciWebSocket(dispatcher: unknown): Promise<WebSocketConstructor> {
  loading ??= import("undici");
  const { WebSocket } = await loading;
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { dispatcher: dispatcher as Dispatcher | undefined });
    }
  } as unknown as WebSocketConstructor;
}
