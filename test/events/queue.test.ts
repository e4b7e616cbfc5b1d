// The bounded queue between the shared channel and one consumer: exactly `limit` slots, the
// oldest dropped and counted in the next event's `missed`, a roster's events in one lazy slot,
// and what happens to queued events when the channel ends (with an error, or at once).
import { describe, expect, it } from "vitest";
import { EventQueue } from "../../src/events/queue.js";
import type { MeetingEvent } from "../../src/events/types.js";

/** A distinguishable event: an `unknown` one carrying its number. */
const ev = (n: number): MeetingEvent => ({ type: "unknown", frame: { n } }) as MeetingEvent;

/** Takes `count` events, as the consumer's `for await` would. */
async function takeAll(queue: EventQueue, count: number): Promise<(MeetingEvent | undefined)[]> {
  const out: (MeetingEvent | undefined)[] = [];
  for (let i = 0; i < count; i++) out.push(await queue.take());
  return out;
}

describe("the event queue", () => {
  it("holds exactly `limit` slots: one more drops the oldest, and the next event delivered says 1 missed", async () => {
    const queue = new EventQueue(3);
    for (const n of [1, 2, 3]) queue.push(ev(n));
    expect(queue.size).toBe(3);
    expect(await takeAll(queue, 3)).toEqual([ev(1), ev(2), ev(3)]);

    for (const n of [1, 2, 3, 4]) queue.push(ev(n));
    expect(queue.size).toBe(3);
    expect(await takeAll(queue, 3)).toEqual([{ ...ev(2), missed: 1 }, ev(3), ev(4)]);
    expect(queue.size).toBe(0);
  });

  it("counts every event dropped, and reports the count once", async () => {
    const queue = new EventQueue(2);
    for (const n of [1, 2, 3, 4, 5, 6]) queue.push(ev(n));
    expect(await takeAll(queue, 2)).toEqual([{ ...ev(5), missed: 4 }, ev(6)]);
    queue.push(ev(7));
    expect(await queue.take()).toEqual(ev(7));
  });

  it("hands an event straight to a waiting taker, without holding a slot", async () => {
    const queue = new EventQueue(1);
    const waiting = queue.take();
    queue.push(ev(1));
    expect(queue.size).toBe(0);
    await expect(waiting).resolves.toEqual(ev(1));
    queue.push(ev(2));
    expect(queue.size).toBe(1);
    await expect(queue.take()).resolves.toEqual(ev(2));
  });

  it("ignores an empty list of events", async () => {
    const queue = new EventQueue(2);
    queue.add([]);
    queue.add([], true);
    expect(queue.size).toBe(0);
    queue.end();
    await expect(queue.take()).resolves.toBeUndefined();
  });

  describe("a frame's events together (a whole roster)", () => {
    it("take one slot, read one by one; dropping that slot counts all its events still unread", async () => {
      const queue = new EventQueue(2);
      queue.add([ev(1), ev(2), ev(3)], true);
      expect(queue.size).toBe(1);
      expect(await queue.take()).toEqual(ev(1));
      expect(queue.size).toBe(1);
      queue.push(ev(4));
      queue.push(ev(5));
      // The lazy slot (2 events unread) made room for 5.
      expect(queue.size).toBe(2);
      expect(await takeAll(queue, 2)).toEqual([{ ...ev(4), missed: 2 }, ev(5)]);
    });

    it("a waiting taker gets the first at once, and the rest stay in one slot", async () => {
      const queue = new EventQueue(1);
      const waiting = queue.take();
      queue.add([ev(1), ev(2), ev(3)], true);
      await expect(waiting).resolves.toEqual(ev(1));
      expect(queue.size).toBe(1);
      expect(await takeAll(queue, 2)).toEqual([ev(2), ev(3)]);
      expect(queue.size).toBe(0);
    });

    it("a waiting taker given a lazy slot of one event leaves nothing queued", async () => {
      const queue = new EventQueue(1);
      queue.push(ev(0));
      await queue.take();
      const waiting = queue.take();
      queue.add([ev(1), ev(2)], true);
      await expect(waiting).resolves.toEqual(ev(1));
      expect(await queue.take()).toEqual(ev(2));
      // The slot was used up: the next push fills the one slot without dropping anything.
      queue.push(ev(3));
      expect(await queue.take()).toEqual(ev(3));
    });

    it("a single event added together is an ordinary slot", async () => {
      const queue = new EventQueue(1);
      queue.add([ev(1)], true);
      queue.push(ev(2));
      expect(await queue.take()).toEqual({ ...ev(2), missed: 1 });
    });

    it("a single event added together to a waiting taker leaves no slot behind", async () => {
      const queue = new EventQueue(1);
      const waiting = queue.take();
      queue.add([ev(1)], true);
      await expect(waiting).resolves.toEqual(ev(1));
      expect(queue.size).toBe(0);
      queue.push(ev(2));
      expect(await queue.take()).toEqual(ev(2));
    });

    it("events added apart take one slot each", async () => {
      const queue = new EventQueue(2);
      queue.add([ev(1), ev(2), ev(3)]);
      expect(queue.size).toBe(2);
      expect(await takeAll(queue, 2)).toEqual([{ ...ev(2), missed: 1 }, ev(3)]);
    });
  });

  describe("with a resync (fullRoster: snapshot)", () => {
    it("an overflow replaces everything queued by the state now, counting what it stands for", async () => {
      let state = 0;
      const queue = new EventQueue(2, () => ({ type: "unknown", frame: { state: ++state } }) as MeetingEvent);
      queue.push(ev(1));
      queue.push(ev(2));
      // Two queued and one more: three events stand behind one roster.
      queue.push(ev(3));
      expect(queue.size).toBe(1);
      expect(await queue.take()).toEqual({ type: "unknown", frame: { state: 1 }, missed: 3 });
    });

    it("a frame that alone overflows counts its events and the unread part of a lazy slot", async () => {
      let state = 0;
      const queue = new EventQueue(2, () => ({ type: "unknown", frame: { state: ++state } }) as MeetingEvent);
      queue.add([ev(1), ev(2), ev(3)], true);
      expect(await queue.take()).toEqual(ev(1));
      queue.add([ev(4), ev(5)]);
      // 2 unread in the lazy slot, 2 in the frame.
      expect(await queue.take()).toEqual({ type: "unknown", frame: { state: 1 }, missed: 4 });
    });

    it("replacing a stand-in does not count it again: only the events it did not yet stand for", async () => {
      let state = 0;
      const queue = new EventQueue(1, () => ({ type: "unknown", frame: { state: ++state } }) as MeetingEvent);
      queue.push(ev(1));
      queue.push(ev(2));
      queue.push(ev(3));
      // ev(1) and ev(2) behind state 1; then state 1 (already counted) and ev(3) behind state 2.
      expect(await queue.take()).toEqual({ type: "unknown", frame: { state: 2 }, missed: 3 });
    });

    it("no overflow: events are queued as they come", async () => {
      const queue = new EventQueue(3, () => ev(99));
      queue.add([ev(1), ev(2)]);
      queue.push(ev(3));
      expect(await takeAll(queue, 3)).toEqual([ev(1), ev(2), ev(3)]);
    });
  });

  describe("the end", () => {
    it("with an error: the events queued before it are delivered first, then take() rejects with it", async () => {
      const queue = new EventQueue(5);
      queue.push(ev(1));
      queue.add([ev(2), ev(3)], true);
      const error = new Error("channel closed");
      queue.end(error);
      queue.push(ev(4));
      expect(await takeAll(queue, 3)).toEqual([ev(1), ev(2), ev(3)]);
      await expect(queue.take()).rejects.toBe(error);
      await expect(queue.take()).rejects.toBe(error);
    });

    it("at once (an abort): what is queued is dropped, and take() rejects with the reason", async () => {
      const queue = new EventQueue(5);
      queue.push(ev(1));
      queue.push(ev(2));
      const reason = new Error("aborted");
      queue.end(reason, true);
      expect(queue.size).toBe(0);
      await expect(queue.take()).rejects.toBe(reason);
    });

    it("without an error: queued events first, then undefined, every time", async () => {
      const queue = new EventQueue(5);
      queue.push(ev(1));
      queue.end();
      expect(await takeAll(queue, 3)).toEqual([ev(1), undefined, undefined]);
    });

    it("settles a waiting taker: undefined without an error, a rejection with one", async () => {
      const quiet = new EventQueue(1);
      const waitingQuiet = quiet.take();
      quiet.end();
      await expect(waitingQuiet).resolves.toBeUndefined();

      const failed = new EventQueue(1);
      const waitingFailed = failed.take();
      const error = new Error("refused");
      failed.end(error);
      await expect(waitingFailed).rejects.toBe(error);
    });

    it("only the first end counts", async () => {
      const queue = new EventQueue(1);
      const first = new Error("first");
      queue.push(ev(1));
      queue.end(first);
      queue.end(new Error("second"), true);
      expect(await queue.take()).toEqual(ev(1));
      await expect(queue.take()).rejects.toBe(first);
    });
  });

  it("keeps its order and its bound through thousands of events taken as they come", async () => {
    const queue = new EventQueue(3000);
    for (let n = 0; n < 2500; n++) queue.push(ev(n));
    const taken = await takeAll(queue, 2000);
    expect(taken.at(-1)).toEqual(ev(1999));
    for (let n = 2500; n < 5500; n++) queue.push(ev(n));
    expect(queue.size).toBe(3000);
    const rest = await takeAll(queue, 3000);
    expect(rest[0]).toEqual({ ...ev(2500), missed: 500 });
    expect(rest.at(-1)).toEqual(ev(5499));
    expect(queue.size).toBe(0);
  });
});
