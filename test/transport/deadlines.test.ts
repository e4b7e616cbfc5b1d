// Where a transport keeps its attempts' deadlines (transport/deadlines.ts), on fake timers and a
// fake performance.now(): a timer each, or the shared timer of Deno's: each deadline expires
// exactly when its length has passed, a cleared one never does and leaves no timer behind, and
// the shared timer arms at most one timer at a time, each handed to `unref`.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ownTimers, sharedTimer } from "../../src/transport/deadlines.js";

let unref: ReturnType<typeof vi.fn<(timer: unknown) => void>>;
/** What expired, in order. */
let expired: string[];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
  unref = vi.fn<(timer: unknown) => void>();
  expired = [];
});
afterEach(() => {
  vi.useRealTimers();
});

/** Records `name` when it expires with "timeout", as the transport's attempt takes it. */
const expiring = (name: string) => (outcome: string) => expired.push(outcome === "timeout" ? name : `${name}: ${outcome}`);
/** What has expired once `ms` more have passed. */
const expiredAfter = (ms: number) => {
  vi.advanceTimersByTime(ms);
  return [...expired];
};

describe("a timer per deadline", () => {
  it("expires when its length has passed; cleared, it never does and leaves no timer behind", () => {
    ownTimers.add(100, expiring("a"));
    const b = ownTimers.add(50, expiring("b"));
    expect(vi.getTimerCount()).toBe(2);
    ownTimers.clear(b);
    expect(vi.getTimerCount()).toBe(1);
    expect(expiredAfter(99)).toEqual([]);
    expect(expiredAfter(1)).toEqual(["a"]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("one timer for every deadline", () => {
  it("each deadline expires when its own length has passed, not a millisecond before", () => {
    const deadlines = sharedTimer(unref);
    deadlines.add(1000, expiring("a"));
    vi.advanceTimersByTime(300);
    deadlines.add(1000, expiring("b"));
    expect(expiredAfter(699)).toEqual([]);
    expect(expiredAfter(1)).toEqual(["a"]);
    expect(expiredAfter(299)).toEqual(["a"]);
    expect(expiredAfter(1)).toEqual(["a", "b"]);
  });

  it("a shorter deadline added later expires first: the timer is armed again for it, then for the longer one", () => {
    const deadlines = sharedTimer(unref);
    deadlines.add(1000, expiring("long"));
    vi.advanceTimersByTime(10);
    deadlines.add(50, expiring("short"));
    expect(expiredAfter(49)).toEqual([]);
    expect(expiredAfter(1)).toEqual(["short"]);
    expect(expiredAfter(939)).toEqual(["short"]);
    expect(expiredAfter(1)).toEqual(["short", "long"]);
  });

  it("deadlines that fall at the same instant all expire, in the order they were added", () => {
    const deadlines = sharedTimer(unref);
    deadlines.add(20, expiring("a"));
    deadlines.add(20, expiring("b"));
    vi.advanceTimersByTime(10);
    deadlines.add(10, expiring("c"));
    vi.advanceTimersByTime(10);
    expect(expired.sort()).toEqual(["a", "b", "c"]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("never more than one timer, however many deadlines of however many lengths; none once they are all gone", () => {
    const deadlines = sharedTimer(unref);
    const armed = Array.from({ length: 300 }, (_, i) => {
      vi.advanceTimersByTime(1);
      const deadline = deadlines.add([1000, 500, 2000][i % 3]!, expiring(`d${i}`));
      expect(vi.getTimerCount()).toBe(1);
      return deadline;
    });
    for (const deadline of armed.slice(0, 150)) deadlines.clear(deadline);
    vi.advanceTimersByTime(2300);
    expect(expired).toHaveLength(150);
    expect(expired).not.toContain("d149");
    expect(expired).toContain("d150");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a timer is armed once for deadlines added at the same instant, and each timer armed goes to unref", () => {
    const deadlines = sharedTimer(unref);
    deadlines.add(100, expiring("a"));
    deadlines.add(100, expiring("b"));
    deadlines.add(200, expiring("c"));
    expect(unref).toHaveBeenCalledTimes(1);
    deadlines.add(50, expiring("d"));
    expect(unref).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(50);
    // Fired for d, armed again for a and b, then for c.
    expect(unref).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(150);
    expect(unref).toHaveBeenCalledTimes(4);
    expect(expired).toEqual(["d", "a", "b", "c"]);
    for (const [timer] of unref.mock.calls) expect(timer).toBeTypeOf("object");
  });
});

describe("clearing", () => {
  it("a cleared deadline never expires; the timer then fires once for nothing and arms no other", () => {
    const deadlines = sharedTimer(unref);
    const only = deadlines.add(100, expiring("a"));
    deadlines.clear(only);
    expect(vi.getTimerCount()).toBe(1);
    expect(expiredAfter(100)).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("after the timer has fired with nothing left, the next deadline arms it again", () => {
    const deadlines = sharedTimer(unref);
    deadlines.add(100, expiring("a"));
    vi.advanceTimersByTime(100);
    deadlines.add(100, expiring("b"));
    expect(expiredAfter(100)).toEqual(["a", "b"]);
  });

  it("clearing twice, or after the deadline expired, changes nothing for the others", () => {
    const deadlines = sharedTimer(unref);
    const [a, b, c] = ["a", "b", "c"].map((name) => deadlines.add(100, expiring(name)));
    deadlines.add(100, expiring("d"));
    deadlines.clear(b);
    deadlines.clear(a);
    deadlines.clear(b);
    deadlines.clear(c);
    expect(expiredAfter(100)).toEqual(["d"]);

    const [e, f] = ["e", "f"].map((name) => deadlines.add(100, expiring(name)));
    deadlines.add(200, expiring("g"));
    vi.advanceTimersByTime(100);
    deadlines.clear(e);
    deadlines.clear(f);
    const h = deadlines.add(100, expiring("h"));
    deadlines.add(100, expiring("i"));
    deadlines.clear(h);
    expect(expiredAfter(100)).toEqual(["d", "e", "f", "g", "i"]);
  });

  it("clearing one in the middle, at the head or at the tail of its queue leaves the rest to expire in time", () => {
    const deadlines = sharedTimer(unref);
    const names = ["a", "b", "c", "d", "e"];
    const armed = names.map((name) => {
      vi.advanceTimersByTime(10);
      return deadlines.add(100, expiring(name));
    });
    deadlines.clear(armed[2]);
    deadlines.clear(armed[0]);
    deadlines.clear(armed[4]);
    // Added at 10, 20 … 50 ms: b falls at 120 ms, d at 140 ms.
    expect(expiredAfter(69)).toEqual([]);
    expect(expiredAfter(1)).toEqual(["b"]);
    expect(expiredAfter(19)).toEqual(["b"]);
    expect(expiredAfter(1)).toEqual(["b", "d"]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

it("when the timer fires, what it was armed for has fallen, though the clock lags behind; the next deadline is then armed from there", () => {
  const deadlines = sharedTimer(unref);
  deadlines.add(100, expiring("a"));
  deadlines.add(150, expiring("b"));
  const now = performance.now.bind(performance);
  // From here on the clock reads 10 ms behind the timers (or, under fake timers of a caller's, does not move with them).
  vi.spyOn(performance, "now").mockImplementation(() => now() - 10);
  expect(expiredAfter(100)).toEqual(["a"]);
  expect(expiredAfter(49)).toEqual(["a"]);
  expect(expiredAfter(1)).toEqual(["a", "b"]);
  expect(vi.getTimerCount()).toBe(0);
});
