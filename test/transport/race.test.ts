// The race every wait of a call runs (an attempt, a backoff, the token phase): the work, its
// timeout and the caller's abort. Whichever settles first wins, and nothing is left behind.
import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { race } from "../../src/race.js";

afterEach(() => {
  vi.useRealTimers();
});

/** A promise settled from outside. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("race", () => {
  it("settles as the work does, and removes its timer and its abort listener", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const work = deferred<string>();
    const raced = race(controller.signal, work.promise, 1000);
    expect(vi.getTimerCount()).toBe(1);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    work.resolve("answer");
    await expect(raced).resolves.toBe("answer");
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("rejects as the work does, and removes its timer and its abort listener", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const error = new Error("ECONNRESET");
    const raced = race(controller.signal, Promise.reject(error), 1000);
    await expect(raced).rejects.toBe(error);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("resolves 'timeout' once the time has passed, and no sooner; the listener is removed", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const settled: unknown[] = [];
    void race(controller.signal, new Promise(() => {}), 1000).then((value) => settled.push(value));
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toEqual(["timeout"]);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("without a timeout, sets no timer and waits for the work", async () => {
    vi.useFakeTimers();
    const raced = race(undefined, Promise.resolve(7));
    expect(vi.getTimerCount()).toBe(0);
    await expect(raced).resolves.toBe(7);
  });

  it("an abort while waiting: rejects with the signal's reason, clears the timer; the work settling later changes nothing", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const work = deferred<string>();
    const raced = race(controller.signal, work.promise, 1000);
    const reason = new Error("caller gave up");
    controller.abort(reason);
    await expect(raced).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    work.resolve("late");
  });

  it("a signal already aborted: rejects with its reason at once, adds no listener and sets no timer", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const reason = new Error("aborted before the token phase");
    controller.abort(reason);
    const raced = race(controller.signal, Promise.resolve("token"), 1000);
    await expect(raced).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
