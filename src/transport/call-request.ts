/**
 * What openapi-fetch builds for each call in place of a WHATWG `Request`: the parts as given,
 * nothing parsed or copied, since the transport sends them on. Middleware sees `url`,
 * `method`, `headers` (a real `Headers`, to read or change) and `signal`. A middleware may
 * still return a real `Request`: `instanceof` accepts both.
 */
export class CallRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | null;
  readonly signal: AbortSignal | undefined;

  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers as Headers;
    this.body = (init.body as string | undefined) ?? null;
    this.signal = init.signal ?? undefined;
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    return Object.getPrototypeOf(value) === CallRequest.prototype || (typeof Request === "function" && value instanceof Request);
  }
}
