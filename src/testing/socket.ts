// `fake.WebSocket`: a class with the WHATWG WebSocket shape that talks to the fake without a
// port. Events are dispatched asynchronously, never inside the call that caused them, as a real
// socket's are.
import { admit, openChannel, type FakeChannel } from "./channel.js";
import type { State } from "./state.js";

/** The subset of the WHATWG `WebSocket` that the fake's in-process socket has. */
export interface FakeWebSocket extends EventTarget {
  readonly url: string;
  /** 0 CONNECTING, 1 OPEN, 2 CLOSING, 3 CLOSED. */
  readonly readyState: number;
  readonly protocol: string;
  readonly extensions: string;
  binaryType: string;
  readonly bufferedAmount: number;
  send(text: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onclose: ((event: Event & { code: number; reason: string; wasClean: boolean }) => void) | null;
}

export interface FakeWebSocketConstructor {
  new (url: string | URL, protocols?: string | string[]): FakeWebSocket;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSING: 2;
  readonly CLOSED: 3;
}

const later = (run: () => void) => setTimeout(run, 0);

/** A `WebSocket` class bound to one fake's state and channels. */
export function socketClass(state: State, channels: Set<FakeChannel>, host: string): FakeWebSocketConstructor {
  class WebSocket extends EventTarget implements FakeWebSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly url: string;
    readonly protocol = "";
    readonly extensions = "";
    readonly bufferedAmount = 0;
    binaryType = "blob";
    onopen: FakeWebSocket["onopen"] = null;
    onmessage: FakeWebSocket["onmessage"] = null;
    onerror: FakeWebSocket["onerror"] = null;
    onclose: FakeWebSocket["onclose"] = null;
    #readyState = 0;
    #channel: FakeChannel | undefined;

    constructor(url: string | URL) {
      super();
      const parsed = new URL(url);
      if (parsed.protocol !== "wss:" && parsed.protocol !== "ws:") throw new SyntaxError(`fake.WebSocket: ${parsed.protocol} is not a WebSocket URL`);
      this.url = parsed.href;
      later(() => {
        if (this.#readyState !== 0) return; // closed while connecting
        const meeting = parsed.host === host ? admit(state, parsed) : undefined;
        if (!meeting) return this.#fail();
        this.#readyState = 1;
        this.#channel = openChannel(state, meeting, { send: (text) => later(() => this.#message(text)), close: (code, reason) => this.#closeBy(code, reason) }, channels);
        this.#dispatch(new Event("open"));
      });
    }

    get readyState() {
      return this.#readyState;
    }

    send(text: string): void {
      if (this.#readyState === 0) throw new DOMException("WebSocket is still CONNECTING", "InvalidStateError");
      if (this.#readyState !== 1) return;
      const channel = this.#channel;
      later(() => channel?.receive(String(text)));
    }

    close(code?: number, reason = ""): void {
      if (code !== undefined && code !== 1000 && (code < 3000 || code > 4999)) {
        throw new DOMException(`close code ${code} is not 1000 or 3000–4999`, "InvalidAccessError");
      }
      if (this.#readyState >= 2) return;
      if (this.#readyState === 0) {
        this.#fail();
        return;
      }
      this.#readyState = 2;
      this.#channel?.closed();
      later(() => this.#closed(code ?? 1005, reason, true));
    }

    /** The server side closed: 1006 is abnormal (no close frame), anything else a clean close. */
    #closeBy(code: number, reason: string) {
      // Queued behind the messages sent before it, so they are delivered first.
      later(() => {
        if (this.#readyState === 3) return;
        if (code === 1006) this.#dispatch(new Event("error"));
        this.#closed(code, code === 1006 ? "" : reason, code !== 1006);
      });
    }

    #fail() {
      this.#readyState = 3;
      this.#channel?.closed();
      this.#dispatch(new Event("error"));
      this.#dispatch(Object.assign(new Event("close"), { code: 1006, reason: "", wasClean: false }));
    }

    #message(data: string) {
      if (this.#readyState === 1) this.#dispatch(new MessageEvent("message", { data }));
    }

    #closed(code: number, reason: string, wasClean: boolean) {
      this.#readyState = 3;
      this.#dispatch(Object.assign(new Event("close"), { code, reason, wasClean }));
    }

    #dispatch(event: Event) {
      this.dispatchEvent(event);
      const handler = this[`on${event.type}` as "onopen"];
      if (typeof handler === "function") handler.call(this, event);
    }
  }
  return WebSocket;
}
