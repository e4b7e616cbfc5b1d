// The bounded queue between the loop that owns the socket and the consumer's `for await`.
// The loop never waits for the consumer: when the queue is full, the oldest event is dropped
// and counted, and the next event delivered carries the count in `missed`.
import type { MeetingEvent } from "./types.js";

export class EventQueue {
  private items: MeetingEvent[] = [];
  private head = 0;
  private missed = 0;
  private ended?: { error?: unknown };
  private waiter?: { resolve(event: MeetingEvent | undefined): void; reject(error: unknown): void };

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.items.length - this.head;
  }

  push(event: MeetingEvent): void {
    if (this.ended) return;
    if (this.waiter) {
      this.settle((waiter) => waiter.resolve(event));
      return;
    }
    if (this.size >= this.limit) {
      this.head++;
      this.missed++;
    }
    this.items.push(event);
    // Compact now and then, so the array does not keep what was taken.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * Ends the queue: once what is queued has been taken, `take()` rejects with `error`, or
   * resolves `undefined` when there is none. `now` discards what is queued.
   */
  end(error?: unknown, now = false): void {
    if (this.ended) return;
    this.ended = error === undefined ? {} : { error };
    if (now) {
      this.items = [];
      this.head = 0;
    }
    if (this.waiter) this.settle((waiter) => (error === undefined ? waiter.resolve(undefined) : waiter.reject(error)));
  }

  /** The next event; `undefined` once the queue has ended without an error. One taker at a time. */
  take(): Promise<MeetingEvent | undefined> {
    if (this.size > 0) {
      const event = this.items[this.head++]!;
      if (this.head === this.items.length) (this.items = []), (this.head = 0);
      if (this.missed === 0) return Promise.resolve(event);
      const missed = this.missed;
      this.missed = 0;
      return Promise.resolve({ ...event, missed });
    }
    if (this.ended) return this.ended.error === undefined ? Promise.resolve(undefined) : Promise.reject(this.ended.error);
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  private settle(act: (waiter: NonNullable<EventQueue["waiter"]>) => void): void {
    const waiter = this.waiter!;
    this.waiter = undefined;
    act(waiter);
  }
}
