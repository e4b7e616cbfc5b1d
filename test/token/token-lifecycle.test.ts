import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AuthenticationError, InternalServerError } from "../../src/node.js";
import { startVendor, type Vendor } from "../support/servers/vendor.js";
import { transports } from "../support/transports.js";

describe.each(transports)("on the %s transport", (_transport, createMeetingClient) => {
  const password = "host-pass";
  const MINUTE = 60_000;
  let vendor: Vendor;

  beforeEach(async () => {
    // Only Date is faked: sockets and timers run for real, the server and the client share the clock.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-25T09:00:00Z") });
    vendor = await startVendor({ password, lifetimeSeconds: 1800 });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await vendor.close();
  });

  const handle = (conferenceID = "986947855") => createMeetingClient({ baseUrl: vendor.url }).conference(conferenceID, { hostPassword: password });
  const times = <T>(n: number, call: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => call(i)));

  describe("a managed token ({ hostPassword })", () => {
    it("500 concurrent calls on a cold conference make exactly one token request", async () => {
      const conf = handle();
      await times(500, (i) => (i % 2 ? conf.inviteToShare(`p${i}`) : conf.cancelShareInvitation(`p${i}`)));
      expect(vendor.tokenRequests).toEqual([{ conferenceID: "986947855", password, renewing: undefined }]);
      expect(vendor.controlRequests).toHaveLength(500);
      expect(new Set(vendor.controlRequests.map((r) => r.token)).size).toBe(1);
      expect(vendor.controlRequests.every((r) => r.status === 200)).toBe(true);
    });

    it("is cached: later calls within its lifetime make no token request", async () => {
      const conf = handle();
      await conf.inviteToShare("p1");
      vi.advanceTimersByTime(20 * MINUTE);
      await conf.inviteToShare("p1");
      await conf.realTimeInfo();
      expect(vendor.tokenRequests).toHaveLength(1);
    });

    it("is renewed once, with the current token, when it nears expiry — 500 calls at once", async () => {
      const conf = handle();
      const first = await conf.token();
      vi.advanceTimersByTime(26 * MINUTE); // 4 minutes left: inside the renewal margin
      await times(500, (i) => conf.inviteToShare(`p${i}`));
      expect(vendor.tokenRequests).toHaveLength(2);
      expect(vendor.tokenRequests[1]).toMatchObject({ renewing: first, password });
      const renewed = await conf.token();
      expect(renewed).not.toBe(first);
      expect(vendor.controlRequests.every((r) => r.token === renewed && r.status === 200)).toBe(true);
    });

    it("follows the server's own lifetime, not a guess", async () => {
      await vendor.close();
      vendor = await startVendor({ password, lifetimeSeconds: 120 });
      const conf = handle();
      await conf.inviteToShare("p1");
      vi.advanceTimersByTime(50_000); // before half of a two-minute lifetime: no renewal
      await conf.inviteToShare("p1");
      expect(vendor.tokenRequests).toHaveLength(1);
      vi.advanceTimersByTime(15_000); // past half: renewed
      await conf.inviteToShare("p1");
      expect(vendor.tokenRequests).toHaveLength(2);
    });

    it("a renewal that fails while the old token is valid does not fail the call", async () => {
      const conf = handle();
      const first = await conf.token();
      vi.advanceTimersByTime(27 * MINUTE);
      vendor.failTokenRequests(3, 500); // the first try and both retries
      await expect(times(50, (i) => conf.inviteToShare(`p${i}`))).resolves.toHaveLength(50);
      expect(vendor.tokenRequests).toHaveLength(4);
      expect(vendor.controlRequests.every((r) => r.token === first && r.status === 200)).toBe(true);
      // A few seconds later, renewal is tried again and succeeds.
      vi.advanceTimersByTime(6_000);
      await conf.inviteToShare("p1");
      expect(vendor.tokenRequests).toHaveLength(5);
      expect(vendor.controlRequests.at(-1)!.token).not.toBe(first);
    });

    it("an expired token is replaced with the password, never sent", async () => {
      const conf = handle();
      const first = await conf.token();
      vi.advanceTimersByTime(31 * MINUTE);
      await conf.inviteToShare("p1");
      expect(vendor.tokenRequests).toHaveLength(2);
      expect(vendor.tokenRequests[1]).toMatchObject({ renewing: undefined, password });
      expect(vendor.controlRequests.map((r) => [r.token === first, r.status])).toEqual([[false, 200]]);
    });

    it("a 401 invalidates the token, obtains a new one and retries the call once", async () => {
      const conf = handle();
      const first = await conf.token();
      vendor.revoke(first);
      await conf.inviteToShare("p1");
      expect(vendor.controlRequests.map((r) => r.status)).toEqual([401, 200]);
      expect(vendor.tokenRequests).toHaveLength(2);
      expect(vendor.tokenRequests[1]!.renewing).toBeUndefined();
      expect(vendor.controlRequests[1]!.token).toBe(await conf.token());
    });

    it("500 concurrent calls that all meet a 401 share one new token request", async () => {
      const conf = handle();
      vendor.revoke(await conf.token());
      await times(500, (i) => conf.inviteToShare(`p${i}`));
      expect(vendor.tokenRequests).toHaveLength(2);
      expect(vendor.controlRequests.filter((r) => r.status === 200)).toHaveLength(500);
    });

    it("a second 401 surfaces as AuthenticationError: never a loop", async () => {
      const conf = handle();
      vendor.rejectAllTokens(true);
      await expect(conf.inviteToShare("p1")).rejects.toBeInstanceOf(AuthenticationError);
      expect(vendor.controlRequests).toHaveLength(2);
      expect(vendor.tokenRequests).toHaveLength(2);
    });

    it("a failed token request surfaces as its typed error, and the next call tries again", async () => {
      const wrong = createMeetingClient({ baseUrl: vendor.url }).conference("986947855", { hostPassword: "wrong" });
      await expect(wrong.inviteToShare("p1")).rejects.toMatchObject({ name: "BadRequestError", errorCode: "USG.201040000" });
      vendor.failTokenRequests(3, 500); // the first try and both retries
      const conf = handle();
      await expect(conf.inviteToShare("p1")).rejects.toBeInstanceOf(InternalServerError);
      await expect(conf.inviteToShare("p1")).resolves.toBeUndefined();
      expect(vendor.tokenRequests).toHaveLength(5);
      expect(vendor.controlRequests).toHaveLength(1);
    });

    it("handles on different conferences never share tokens", async () => {
      const meeting = createMeetingClient({ baseUrl: vendor.url });
      const a = meeting.conference("111", { hostPassword: password });
      const b = meeting.conference("222", { hostPassword: password });
      await Promise.all([a.inviteToShare("p"), b.inviteToShare("p"), a.realTimeInfo(), b.realTimeInfo()]);
      expect(vendor.tokenRequests.map((r) => r.conferenceID).sort()).toEqual(["111", "222"]);
      expect(await a.token()).not.toBe(await b.token());
      for (const r of vendor.controlRequests) expect(r.token).toMatch(new RegExp(`^tok-${r.conferenceID}-`));
      expect(vendor.controlRequests.every((r) => r.status === 200)).toBe(true);
    });

    it("handles on the same conference and password share one token", async () => {
      const meeting = createMeetingClient({ baseUrl: vendor.url });
      await times(100, (i) => meeting.conference("986947855", { hostPassword: password }).inviteToShare(`p${i}`));
      expect(vendor.tokenRequests).toHaveLength(1);
    });

    it("token() obtains, caches and renews", async () => {
      const conf = handle();
      const first = await conf.token();
      expect(await conf.token()).toBe(first);
      vi.advanceTimersByTime(28 * MINUTE);
      expect(await conf.token()).not.toBe(first);
      expect(vendor.tokenRequests).toHaveLength(2);
    });

    it("a caller's abort while waiting for the shared token request fails that caller only", async () => {
      const conf = handle();
      const controller = new AbortController();
      const aborted = conf.inviteToShare("p1", { signal: controller.signal });
      const others = times(10, (i) => conf.inviteToShare(`p${i}`));
      controller.abort(new Error("caller gave up"));
      await expect(aborted).rejects.toThrow("caller gave up");
      await expect(others).resolves.toHaveLength(10);
      expect(vendor.tokenRequests).toHaveLength(1);
    });
    it("a call whose signal is already aborted rejects with its reason, and sends no token request", async () => {
      const conf = handle();
      const reason = new Error("aborted before the call");
      await expect(conf.inviteToShare("p1", { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
      await expect(conf.token({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
      expect(vendor.tokenRequests).toEqual([]);
      expect(vendor.controlRequests).toEqual([]);
    });

    it("a caller with its own policy aborting while it waits for a token request sent with another: that caller only", async () => {
      const conf = handle();
      const controller = new AbortController();
      const first = conf.inviteToShare("p1");
      const reason = new Error("caller gave up");
      const aborted = conf.inviteToShare("p2", { signal: controller.signal, timeoutMs: 4000 });
      controller.abort(reason);
      await expect(aborted).rejects.toBe(reason);
      await expect(first).resolves.toBeUndefined();
      expect(vendor.tokenRequests).toHaveLength(1);
      expect(vendor.controlRequests).toHaveLength(1);
    });
  });

  describe("a static token ({ token: string })", () => {
    it("is sent unchanged, never renewed, and a 401 is not retried", async () => {
      const meeting = createMeetingClient({ baseUrl: vendor.url });
      const token = await meeting.conference("986947855", { hostPassword: password }).token();
      const conf = meeting.conference("986947855", { token });
      vi.advanceTimersByTime(29 * MINUTE);
      await conf.inviteToShare("p1");
      vi.advanceTimersByTime(2 * MINUTE);
      await expect(conf.inviteToShare("p1")).rejects.toBeInstanceOf(AuthenticationError);
      expect(vendor.tokenRequests).toHaveLength(1);
      expect(vendor.controlRequests.map((r) => [r.token, r.status])).toEqual([
        [token, 200],
        [token, 401],
      ]);
    });
  });

  describe("a token provider ({ token: (conferenceID) => … })", () => {
    it("is asked with the conferenceID when a token is needed, once for concurrent calls", async () => {
      const meeting = createMeetingClient({ baseUrl: vendor.url });
      const real = await meeting.conference("986947855", { hostPassword: password }).token();
      const provider = vi.fn(async (conferenceID: string) => (conferenceID === "986947855" ? real : "other"));
      const conf = meeting.conference("986947855", { token: provider });
      await times(20, (i) => conf.inviteToShare(`p${i}`));
      expect(provider).toHaveBeenCalledTimes(1);
      expect(provider).toHaveBeenCalledWith("986947855");
      await conf.inviteToShare("p1");
      expect(provider).toHaveBeenCalledTimes(2);
    });

    it("after a 401 is asked again, and the call retried once if it gave another token", async () => {
      const obtain = () => createMeetingClient({ baseUrl: vendor.url }).conference("986947855", { hostPassword: password }).token();
      const stale = await obtain();
      vendor.revoke(stale);
      const tokens = [stale, await obtain()];
      const provider = vi.fn(() => tokens.shift()!);
      const conf = createMeetingClient({ baseUrl: vendor.url }).conference("986947855", { token: provider });
      await conf.inviteToShare("p1");
      expect(provider).toHaveBeenCalledTimes(2);
      expect(vendor.controlRequests.map((r) => [r.token === stale, r.status])).toEqual([
        [true, 401],
        [false, 200],
      ]);
    });

    it("a provider that keeps giving the refused token gets AuthenticationError, not a loop", async () => {
      const conf = createMeetingClient({ baseUrl: vendor.url }).conference("986947855", { token: () => "never-valid" });
      await expect(conf.inviteToShare("p1")).rejects.toBeInstanceOf(AuthenticationError);
      expect(vendor.controlRequests).toHaveLength(1);
    });

    it.each([
      ["a number", () => 42, "must return a string"],
      ["an empty string", () => "", "must not be empty"],
      ["a header-breaking string", () => "a\nb", "header value"],
    ])("giving %s is a MeetingInputError, nothing is sent", async (_, provider, rule) => {
      // @ts-expect-error -- callers without types
      const conf = createMeetingClient({ baseUrl: vendor.url }).conference("986947855", { token: provider });
      await expect(conf.inviteToShare("p1")).rejects.toMatchObject({ name: "MeetingInputError", field: "auth.token()", message: expect.stringContaining(rule) });
      expect(vendor.controlRequests).toHaveLength(0);
    });

    it("a provider that throws fails the call with its own error", async () => {
      const conf = createMeetingClient({ baseUrl: vendor.url }).conference("986947855", { token: () => Promise.reject(new Error("vault down")) });
      await expect(conf.inviteToShare("p1")).rejects.toThrow("vault down");
    });
  });
});
