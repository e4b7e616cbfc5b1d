// The Node sender: undici's request() on a keep-alive pool, skipping the WHATWG fetch layers.
// undici is loaded on the first call, so creating a client costs nothing at start-up.
import { EventEmitter } from "node:events";
import type { Dispatcher } from "undici";
import type { WebSocketConstructor } from "../events/types.js";
import type { Sender } from "../transport.js";
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
    const { method, headers, body } = init;
    undici ??= await (loading ??= import("undici"));
    const plain: Record<string, string> = {};
    headers.forEach((value, name) => (plain[name] = value));
    const { statusCode, headers: received, body: stream } = await undici.request(url, {
      method: method as Dispatcher.HttpMethod,
      headers: plain,
      body: body === null ? undefined : typeof body === "string" ? body : Buffer.from(body),
      signal,
      dispatcher: dispatcher ?? undefined,
    });
    const text = await stream.text();
    return new CallResponse(statusCode, toHeaders(received), url, text) as unknown as Response;
  };
}

function toHeaders(received: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const name in received) {
    const value = received[name];
    if (typeof value === "string") headers.append(name, value);
    else if (value) for (const item of value) headers.append(name, item);
  }
  return headers;
}

/** undici's WebSocket on `dispatcher` (default: undici's global one): the Node default of the event channel. */
export async function undiciWebSocket(dispatcher: unknown): Promise<WebSocketConstructor> {
  const { WebSocket } = await (loading ??= import("undici"));
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { dispatcher: dispatcher as Dispatcher | undefined });
    }
  } as unknown as WebSocketConstructor;
}
