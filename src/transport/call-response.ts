/**
 * The answer every sender hands back: the body already read as text, no stream behind it.
 * It has what openapi-fetch and callers read of a `Response` — `status`, `statusText`, `ok`,
 * `headers` (a real `Headers`), `url`, `text()`, `json()`, `arrayBuffer()`, `clone()` — without
 * the cost of a WHATWG body stream, and takes any status (a 999 stays a 999, and becomes a
 * `MeetingApiError`); `instanceof Response` is false.
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
    readonly statusText = "",
  ) {
    this.#text = text;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
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
    return new TextEncoder().encode(await this.text()).buffer as ArrayBuffer;
  }

  clone(): CallResponse {
    if (this.bodyUsed) throw new TypeError("Response.clone: Body has already been consumed.");
    return new (this.constructor as typeof CallResponse)(this.status, new Headers(this.headers), this.url, this.#text, this.statusText);
  }
}
