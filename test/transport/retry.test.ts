// The retry policy, called directly: which statuses are retried, the backoff's ceilings and
// jitter, Retry-After in each of its forms and at its cap, which requests may be repeated, and
// what counts as a refused connection.
import { describe, expect, it } from "vitest";
import { operations } from "../../src/generated/operations.js";
import { backoffCeiling, backoffDelay, refused, repeatable, retryableStatus, retryAfterDelay } from "../../src/retry.js";

describe("the retry policy", () => {
  it("retries 408, 429, 500, 502, 503 and 504, and no other status", () => {
    const retried = [100, 200, 301, 400, 401, 403, 404, 407, 408, 409, 429, 430, 499, 500, 501, 502, 503, 504, 505, 599, 600].filter(retryableStatus);
    expect(retried).toEqual([408, 429, 500, 502, 503, 504]);
  });

  it("backoff ceilings double from 500 ms to the 8 s cap", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(backoffCeiling)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it("a backoff lies between half and all of its ceiling", () => {
    expect(backoffDelay(1, () => 0)).toBe(250);
    expect(backoffDelay(1, () => 0.5)).toBe(375);
    expect(backoffDelay(3, () => 0.25)).toBe(1250);
    expect(backoffDelay(9, () => 1)).toBe(8000);
  });

  const now = Date.parse("Wed, 25 Nov 2026 09:00:00 GMT");
  it.each<[string | null, number | undefined]>([
    ["0", 0],
    ["60", 60_000],
    ["61", undefined],
    ["\t5 ", 5000],
    ["", undefined],
    ["  ", undefined],
    ["5s", undefined],
    ["+5", undefined],
    ["1e3", undefined],
    // Whole seconds only: a number JavaScript would read (a fraction, an exponent, hex) is not one.
    ["1.5", undefined],
    ["1e1", undefined],
    ["0x1", undefined],
    ["Wed, 25 Nov 2026 09:01:00 GMT", 60_000],
    ["Wed, 25 Nov 2026 09:01:01 GMT", undefined],
    ["Wednesday, 25-Nov-26 09:00:10 GMT", 10_000],
    ["Wed Nov 25 09:00:20 2026", 20_000],
    ["Tue, 24 Nov 2026 09:00:00 GMT", 0],
    ["Thu, 26 Nov 2026 09:00:00 GMT", undefined],
    ["Sat, 32 Nov 2026 09:00:00 GMT", undefined],
    ["wed, 25 Nov 2026 09:00:10 GMT", undefined],
    ["Xed, 25 Nov 2026 09:00:10 GMT", undefined],
    // A date only when it opens with a three-letter day's name: not a shorter one, not one
    // further in, not none (all of which Date.parse would take).
    ["Tu, 25 Nov 2026 09:00:10 GMT", undefined],
    ["x Wed, 25 Nov 2026 09:00:10 GMT", undefined],
    ["25 Sep 2026 09:00:10 GMT", undefined],
    ["2026-11-25T09:00:10Z", undefined],
    [null, undefined],
  ])("Retry-After %j: %j ms", (header, ms) => {
    expect(retryAfterDelay(header, now)).toBe(ms);
  });

  describe("which requests may be sent again once they may have reached the server", () => {
    it.each<[string, string, boolean]>([
      ["POST", "https://api.example/v1/mmc/control/conferences/participants/delete?conferenceID=1", false],
      ["POST", "https://api.example/v1/mmc/control/conferences/participants/delete", false],
      ["POST", "https://proxy.example/a/b/v1/mmc/control/conferences/participants/delete?x=/v1", false],
      ["PUT", "https://api.example/v1/mmc/control/conferences/participants/share/invite?conferenceID=1", true],
      ["PUT", "https://proxy.example/meeting/v1/mmc/control/conferences/participants/share/invite", true],
      ["GET", "http://127.0.0.1:9/v1/mmc/control/conferences/token?conferenceID=1", true],
      // The table, where it differs from the method's rule: a PUT that may act twice.
      ["PUT", "https://api.example/v1/mmc/control/conferences/duration?conferenceID=1", false],
      ["PUT", "https://api.example/v1/mmc/control/conferences/duration", false],
      ["PUT", "https://proxy.example/meeting/v1/mmc/control/conferences/duration?conferenceID=1", false],
      ["PUT", "http://127.0.0.1:9/v1/mmc/control/conferences/layOut?conferenceID=1&x=/v1", false],
      ["PUT", "https://api.example/v1/mmc/control/conferences/duration/more", true],
      ["GET", "https://api.example/v1/mmc/control/conferences/duration", true],
      // A method the table does not list for that path goes by the method.
      ["PUT", "https://api.example/v1/mmc/control/conferences/participants/delete", true],
      ["GET", "https://api.example/v1/mmc/control/conferences/participants/delete", true],
      ["POST", "https://api.example/v1/mmc/control/conferences/participants/share/invite", false],
      ["POST", "https://api.example/v1/unknown", false],
      ["PATCH", "https://api.example/v1/unknown", false],
      ["PUT", "https://api.example/v1/unknown", true],
      ["DELETE", "https://api.example/v1/unknown?a=b", true],
      ["GET", "https://api.example/v1/unknown", true],
      // The path alone decides: not the query, not a fragment.
      ["PUT", "https://api.example/v1/mmc/control/conferences/duration#more", false],
    ])("%s %s: %j", (method, url, expected) => {
      expect(repeatable(method, url)).toBe(expected);
    });

    it("finds one operation at most for any path: no operation's path ends with another's of the same method", () => {
      const all = Object.values(operations);
      const overlaps = all.flatMap((a) => all.filter((b) => a !== b && a.method === b.method && a.path.endsWith(b.path)).map((b) => `${a.method} ${a.path} ⊃ ${b.path}`));
      expect(overlaps).toEqual([]);
      expect(all.length).toBeGreaterThan(40);
    });
  });

  describe("a refused connection", () => {
    const wrap = (error: unknown, levels: number) => {
      let outer = error;
      for (let i = 0; i < levels; i++) outer = new TypeError("fetch failed", { cause: outer });
      return outer;
    };
    const econnrefused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });

    it("is ECONNREFUSED on the error or up to three causes below it", () => {
      expect([0, 1, 2, 3, 4].map((levels) => refused(wrap(econnrefused, levels)))).toEqual([true, true, true, true, false]);
    });

    it("is nothing else: another code, a string, nothing at all", () => {
      expect(refused(Object.assign(new Error("reset"), { code: "ECONNRESET" }))).toBe(false);
      expect(refused(new TypeError("Failed to fetch"))).toBe(false);
      expect(refused("ECONNREFUSED")).toBe(false);
      expect(refused(undefined)).toBe(false);
      expect(refused(null)).toBe(false);
      expect(refused({ code: "ECONNREFUSED" })).toBe(true);
    });
  });
});
