/// <reference types="node" />

/**
 * The answer the Node transport hands back: the body already read, no stream behind it.
 * It has what openapi-fetch and callers read of a `Response` — `status`, `statusText`, `ok`,
 * `headers` (a real `Headers`), `url`, `text()`, `json()`, `arrayBuffer()`, `clone()` — without
 * the cost of a WHATWG body stream; `instanceof Response` is false.
 */
export class CallResponse {
  readonly type = "basic";
  readonly redirected = false;
  readonly body = null;
  bodyUsed = false;
  readonly #text: string;

  constructor(
    readonly status: number,
    readonly headers: Headers,
    readonly url: string,
    text: string,
  ) {
    this.#text = text;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get statusText(): string {
    // node:http only when asked: importing it up front costs start-up time.
    return process.getBuiltinModule("node:http").STATUS_CODES[this.status] ?? "";
  }

  text(): Promise<string> {
    if (this.bodyUsed) return Promise.reject(new TypeError("Body is unusable: Body has already been read"));
    this.bodyUsed = true;
    return Promise.resolve(this.#text);
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(await this.text());
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone(): CallResponse {
    if (this.bodyUsed) throw new TypeError("Response.clone: Body has already been consumed.");
    return new CallResponse(this.status, new Headers(this.headers), this.url, this.#text);
  }
}
