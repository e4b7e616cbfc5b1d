// Stubs for measuring CPU per call without a network: an undici Dispatcher that answers every
// request at once with 200 and "{}", and a fetch that does the same with a light response.
import { Dispatcher } from "undici";

export class StubDispatcher extends Dispatcher {
  override dispatch(_options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const legacy = handler as unknown as {
      onConnect?(abort: () => void): void;
      onHeaders?(status: number, headers: Buffer[], resume: () => void, statusText: string): boolean;
      onData?(chunk: Buffer): boolean;
      onComplete?(trailers: Buffer[]): void;
    };
    queueMicrotask(() => {
      legacy.onConnect?.(() => {});
      legacy.onHeaders?.(200, [Buffer.from("content-type"), Buffer.from("application/json"), Buffer.from("content-length"), Buffer.from("2")], () => {}, "OK");
      legacy.onData?.(Buffer.from("{}"));
      legacy.onComplete?.([]);
    });
    return true;
  }
  override close(): Promise<void> {
    return Promise.resolve();
  }
  override destroy(): Promise<void> {
    return Promise.resolve();
  }
}

/** A stub fetch for bare openapi-fetch: the cheapest answer it accepts. */
export const stubFetch = async () =>
  ({ status: 200, ok: true, headers: new Headers({ "content-length": "2" }), text: async () => "{}", json: async () => ({}) }) as unknown as Response;
