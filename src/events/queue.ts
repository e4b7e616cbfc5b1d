// The bounded queue between the shared channel and one consumer's `for await`. The channel
// never waits for a consumer: when the queue is full, the oldest slot is dropped and counted
// (or, for a consumer of snapshots, everything queued is replaced by one `roster` event), and
// the next event delivered carries the count in `missed`.
import type { MeetingEvent } from "./types.js";

/** The events of one frame, read one by one as the consumer takes them: a whole roster in one slot. */
class Lazy {
  next = 0;
  constructor(readonly list: readonly MeetingEvent[]) {}
}

type Slot = MeetingEvent | Lazy;

/** The events a slot still holds. */
const weight = (slot: Slot): number => (slot instanceof Lazy ? slot.list.length - slot.next : 1);

export class EventQueue {
  private items: Slot[] = [];
  private head = 0;
  private missed = 0;
  private ended?: { error?: unknown };
  private waiter?: { resolve(event: MeetingEvent | undefined): void; reject(error: unknown): void };
  /** The last state put in place of dropped events: replacing it drops nothing not already counted. */
  private standIn?: MeetingEvent;

  /**
   * @param limit most slots held.
   * @param resync given, an overflow replaces what is queued by the one event it returns (the
   *   state now) instead of dropping the oldest slot.
   */
  constructor(
    private readonly limit: number,
    private readonly resync?: () => MeetingEvent,
  ) {}

  /** Slots held. */
  get size(): number {
    return this.items.length - this.head;
  }

  /** Queues what one frame caused: in one slot read lazily (`together`), or one slot per event. */
  add(events: readonly MeetingEvent[], together = false): void {
    // Stryker disable next-line ConditionalExpression: an empty list adds no slot either way; this only returns sooner.
    if (this.ended || events.length === 0) return;
    const slots: Slot[] = together && events.length > 1 ? [new Lazy(events)] : [...events];
    if (this.resync && this.size + slots.length > this.limit) {
      // The state after this frame stands for everything queued and the frame itself.
      this.missed += this.pending() + events.length;
      this.items = [];
      this.head = 0;
      this.standIn = this.resync();
      this.put(this.standIn);
      return;
    }
    for (const slot of slots) this.put(slot);
  }

  /** Queues one event. */
  push(event: MeetingEvent): void {
    this.add([event]);
  }

  private put(slot: Slot): void {
    if (this.waiter) {
      if (!(slot instanceof Lazy)) {
        this.settle((waiter) => waiter.resolve(this.count(slot)));
        return;
      }
      // A lazy slot holds two events or more: the rest stay queued.
      const event = slot.list[slot.next++] as MeetingEvent;
      this.settle((waiter) => waiter.resolve(this.count(event)));
    }
    if (this.size >= this.limit) {
      this.missed += weight(this.items[this.head] as Slot);
      this.head++;
    }
    this.items.push(slot);
    // Compact now and then, so the array does not keep what was taken.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: when to compact is memory only: every read goes through head.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  /** Events held, counting each lazy slot's remaining ones, and not a stand-in for events already counted. */
  private pending(): number {
    let count = 0;
    for (let index = this.head; index < this.items.length; index++) {
      const slot = this.items[index] as Slot;
      if (slot !== this.standIn) count += weight(slot);
    }
    return count;
  }

  /**
   * Ends the queue: once what is queued has been taken, `take()` rejects with `error`, or
   * resolves `undefined` when there is none. `now` discards what is queued.
   */
  end(error?: unknown, now = false): void {
    if (this.ended) return;
    this.ended = { error };
    if (now) {
      this.items = [];
      this.head = 0;
    }
    this.settle((waiter) => (error === undefined ? waiter.resolve(undefined) : waiter.reject(error)));
  }

  /** The next event; `undefined` once the queue has ended without an error. One taker at a time. */
  take(): Promise<MeetingEvent | undefined> {
    if (this.size > 0) {
      const slot = this.items[this.head] as Slot;
      let event: MeetingEvent;
      if (slot instanceof Lazy) {
        event = slot.list[slot.next++] as MeetingEvent;
        if (weight(slot) === 0) this.head++;
      } else {
        event = slot;
        this.head++;
      }
      // Stryker disable next-line ConditionalExpression,BlockStatement: emptying the array once all is taken is memory only: every read goes through head.
      if (this.head === this.items.length) {
        this.items = [];
        this.head = 0;
      }
      return Promise.resolve(this.count(event));
    }
    if (this.ended) return this.ended.error === undefined ? Promise.resolve(undefined) : Promise.reject(this.ended.error);
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  /** The event with the count of those dropped before it, if any. */
  private count(event: MeetingEvent): MeetingEvent {
    if (this.missed === 0) return event;
    const missed = this.missed;
    this.missed = 0;
    return { ...event, missed };
  }

  private settle(act: (waiter: NonNullable<EventQueue["waiter"]>) => void): void {
    const waiter = this.waiter;
    if (waiter === undefined) return;
    this.waiter = undefined;
    act(waiter);
  }
}
