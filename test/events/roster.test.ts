// The roster merged from pushes, frame by frame: the exact events each frame causes, a full
// list that replaces records (never merges them), and malformed changes that become an
// `unknown` event instead of a wrong roster.
import { describe, expect, it } from "vitest";
import { Roster } from "../../src/events/roster.js";

type Frame = Parameters<Roster["apply"]>[0];

const notify = (msgMode: number, data: unknown): Frame => ({ action: "ParticipantsNotify", msgMode, data }) as Frame;
const full = (...changes: unknown[]) => notify(0, changes);
const delta = (...changes: unknown[]) => notify(1, changes);

describe("the roster", () => {
  describe("incremental changes", () => {
    it("a join with SHARE 1: participantJoined, then shareStarted; no full list", () => {
      const roster = new Roster();
      const applied = roster.apply(delta({ pid: "p1", mode: 0, pinfoMap: { name: "Ann", SHARE: "1" } }));
      const participant = { name: "Ann", SHARE: "1" };
      expect(applied).toEqual({
        events: [
          { type: "participantJoined", participantID: "p1", participant },
          { type: "shareStarted", participantID: "p1", participant },
        ],
        full: undefined,
      });
      expect(roster.synced).toBe(false);
      expect(Object.isFrozen(roster.participants.get("p1"))).toBe(true);
    });

    it("a change merges into the record: only the changed keys are named", () => {
      const roster = new Roster();
      roster.apply(delta({ pid: "p1", pinfoMap: { name: "Ann", MUTE: "0" } }));
      const applied = roster.apply(delta({ pid: "p1", mode: 0, pinfoMap: { MUTE: "1", HAND: "1" } }));
      const participant = { name: "Ann", MUTE: "1", HAND: "1" };
      expect(applied?.events).toEqual([{ type: "participantUpdated", participantID: "p1", participant, changed: ["MUTE", "HAND"] }]);
      expect(roster.participants.get("p1")).toEqual(participant);
    });

    it("a change that changes nothing causes no event", () => {
      const roster = new Roster();
      roster.apply(delta({ pid: "p1", pinfoMap: { name: "Ann" } }));
      expect(roster.apply(delta({ pid: "p1", pinfoMap: { name: "Ann" } }))).toEqual({ events: [], full: undefined });
    });

    it("sharing starts and stops with SHARE, after the update", () => {
      const roster = new Roster();
      roster.apply(delta({ pid: "p1", pinfoMap: { SHARE: "0" } }));
      const on = roster.apply(delta({ pid: "p1", pinfoMap: { SHARE: "1" } }));
      expect(on?.events.map((e) => e.type)).toEqual(["participantUpdated", "shareStarted"]);
      const off = roster.apply(delta({ pid: "p1", pinfoMap: { SHARE: "0" } }));
      expect(off?.events).toEqual([
        { type: "participantUpdated", participantID: "p1", participant: { SHARE: "0" }, changed: ["SHARE"] },
        { type: "shareStopped", participantID: "p1", participant: { SHARE: "0" } },
      ]);
      const other = roster.apply(delta({ pid: "p1", pinfoMap: { name: "Ann" } }));
      expect(other?.events.map((e) => e.type)).toEqual(["participantUpdated"]);
    });

    it("a leave of a sharing participant: shareStopped, then participantLeft", () => {
      const roster = new Roster();
      roster.apply(delta({ pid: "p1", pinfoMap: { SHARE: "1" } }));
      const participant = { SHARE: "1" };
      expect(roster.apply(delta({ pid: "p1", mode: 1 }))?.events).toEqual([
        { type: "shareStopped", participantID: "p1", participant },
        { type: "participantLeft", participantID: "p1", participant },
      ]);
      expect(roster.participants.size).toBe(0);
    });

    it("a leave for a pid the roster does not hold causes nothing (and is not unknown)", () => {
      const roster = new Roster();
      roster.apply(delta({ pid: "p1", pinfoMap: {} }));
      expect(roster.apply(delta({ pid: "nobody", mode: 1 }))).toEqual({ events: [], full: undefined });
      expect([...roster.participants.keys()]).toEqual(["p1"]);
    });

    it("a change with mode absent is a join or update; an unknown mode is passed on as unknown", () => {
      const roster = new Roster();
      const frame = delta({ pid: "p1", pinfoMap: { a: "1" } }, { pid: "p2", mode: 7, pinfoMap: { a: "2" } });
      expect(roster.apply(frame)?.events).toEqual([
        { type: "participantJoined", participantID: "p1", participant: { a: "1" } },
        { type: "unknown", frame },
      ]);
      expect([...roster.participants.keys()]).toEqual(["p1"]);
    });

    it.each([
      ["a missing pid", { mode: 0, pinfoMap: { a: "1" } }],
      ["an empty pid", { pid: "", pinfoMap: { a: "1" } }],
      ["a numeric pid", { pid: 5, pinfoMap: { a: "1" } }],
      ["a change that is not an object", "p9"],
    ])("%s: the other changes apply, and the frame is passed on as unknown", (_, bad) => {
      const roster = new Roster();
      const frame = delta(bad, { pid: "p1", pinfoMap: { a: "1" } });
      expect(roster.apply(frame)?.events).toEqual([
        { type: "participantJoined", participantID: "p1", participant: { a: "1" } },
        { type: "unknown", frame },
      ]);
    });

    it("a lone change object (not in a list) and data as JSON text are read", () => {
      const roster = new Roster();
      expect(roster.apply(notify(1, { pid: "p1", pinfoMap: { a: "1" } }))?.events).toHaveLength(1);
      expect(roster.apply(notify(1, JSON.stringify([{ pid: "p2", pinfoMap: { a: "2" } }])))?.events).toEqual([
        { type: "participantJoined", participantID: "p2", participant: { a: "2" } },
      ]);
    });

    it.each([
      ["text that is not JSON", "{oops"],
      ["a number", 5],
      ["null", null],
    ])("data that is %s: the frame cannot be read (undefined), and nothing changes", (_, data) => {
      const roster = new Roster();
      expect(roster.apply(notify(1, data))).toBeUndefined();
      expect(roster.participants.size).toBe(0);
    });

    it("pinfoMap values that are not strings become their JSON text; a pinfoMap that is a list or absent is empty", () => {
      const roster = new Roster();
      roster.apply(delta({ pid: "p1", pinfoMap: { n: 5, b: true, o: { x: 1 }, z: null, s: "s" } }, { pid: "p2", pinfoMap: ["a"] }, { pid: "p3" }));
      expect(roster.participants.get("p1")).toEqual({ n: "5", b: "true", o: '{"x":1}', z: "null", s: "s" });
      expect(roster.participants.get("p2")).toEqual({});
      expect(roster.participants.get("p3")).toEqual({});
    });
  });

  describe("a full list (msgMode 0)", () => {
    it("replaces a record with exactly the listed keys, rather than merging", () => {
      const roster = new Roster();
      roster.apply(delta({ pid: "p1", pinfoMap: { name: "Ann", HAND: "1" } }));
      const applied = roster.apply(full({ pid: "p1", pinfoMap: { name: "Ann" } }));
      expect(applied).toEqual({
        events: [{ type: "participantUpdated", participantID: "p1", participant: { name: "Ann" }, changed: ["HAND"] }],
        full: { joined: [], updated: ["p1"], left: [] },
      });
      expect(roster.participants.get("p1")).toEqual({ name: "Ann" });
    });

    it("names who joined, changed and left; one listed as leaving is gone; one unchanged is in none", () => {
      const roster = new Roster();
      roster.apply(
        delta({ pid: "stay", pinfoMap: { a: "1" } }, { pid: "change", pinfoMap: { a: "1" } }, { pid: "gone", pinfoMap: { SHARE: "1" } }, { pid: "leaving", pinfoMap: {} }),
      );
      const applied = roster.apply(
        full({ pid: "stay", mode: 0, pinfoMap: { a: "1" } }, { pid: "change", pinfoMap: { a: "2" } }, { pid: "new", pinfoMap: { b: "1" } }, { pid: "leaving", mode: 1 }),
      );
      expect(applied).toEqual({
        events: [
          { type: "participantUpdated", participantID: "change", participant: { a: "2" }, changed: ["a"] },
          { type: "participantJoined", participantID: "new", participant: { b: "1" } },
          { type: "shareStopped", participantID: "gone", participant: { SHARE: "1" } },
          { type: "participantLeft", participantID: "gone", participant: { SHARE: "1" } },
          { type: "participantLeft", participantID: "leaving", participant: {} },
        ],
        full: { joined: ["new"], updated: ["change"], left: ["gone", "leaving"] },
      });
      expect([...roster.participants.keys()]).toEqual(["stay", "change", "new"]);
      expect(roster.synced).toBe(true);
    });

    it("an empty full list empties the roster and marks it synced", () => {
      const roster = new Roster();
      roster.apply(delta({ pid: "p1", pinfoMap: {} }));
      expect(roster.apply(full())).toEqual({
        events: [{ type: "participantLeft", participantID: "p1", participant: {} }],
        full: { joined: [], updated: [], left: ["p1"] },
      });
      expect(roster.synced).toBe(true);
    });
  });

  describe("the meeting's status (ConfDynamicInfoNotify)", () => {
    it("fields on the frame and in data, without the envelope: meetingUpdated naming what changed", () => {
      const roster = new Roster();
      const frame = { action: "ConfDynamicInfoNotify", version: 1, createTime: 5, msgID: "m", msgMode: 1, confID: "c", lock: 1, data: { record: 0 } } as Frame;
      expect(roster.apply(frame)).toEqual({ events: [{ type: "meetingUpdated", meeting: { lock: 1, record: 0 }, changed: ["lock", "record"] }] });
      expect(roster.apply({ action: "ConfDynamicInfoNotify", data: JSON.stringify({ lock: 1 }) } as Frame)).toEqual({ events: [] });
      expect(roster.apply({ action: "ConfDynamicInfoNotify", record: 1 } as Frame)).toEqual({
        events: [{ type: "meetingUpdated", meeting: { lock: 1, record: 1 }, changed: ["record"] }],
      });
      expect(Object.isFrozen(roster.meeting)).toBe(true);
    });

    it.each([
      ["a list", [1]],
      ["text that is not JSON", "{oops"],
      ["a number", 3],
    ])("data that is %s: the frame cannot be read", (_, data) => {
      const roster = new Roster();
      expect(roster.apply({ action: "ConfDynamicInfoNotify", data } as Frame)).toBeUndefined();
      expect(roster.meeting).toEqual({});
    });

    it("a nested value compared as JSON: an equal copy is no change", () => {
      const roster = new Roster();
      roster.apply({ action: "ConfDynamicInfoNotify", data: { layout: { a: [1] } } } as Frame);
      expect(roster.apply({ action: "ConfDynamicInfoNotify", data: { layout: { a: [1] } } } as Frame)).toEqual({ events: [] });
    });
  });

  describe("call results (InviteResultNotify)", () => {
    it("keeps each number's last code (resultCode before errorCode, numbers as text), passing the frame on", () => {
      const roster = new Roster();
      const frame = {
        action: "InviteResultNotify",
        data: [
          { callNumber: "+1", resultCode: 0, errorCode: "E" },
          { callNumber: "+2", errorCode: "486" },
          { callNumber: "+3" },
          { callNumber: 4, resultCode: "1" },
          { callNumber: "+5", resultCode: true },
          "junk",
        ],
      } as Frame;
      expect(roster.apply(frame)).toEqual({ events: [{ type: "unknown", frame }] });
      expect(Object.fromEntries(roster.callResults)).toEqual({ "+1": { code: "0" }, "+2": { code: "486" } });
      roster.apply({ action: "InviteResultNotify", data: JSON.stringify({ callNumber: "+1", resultCode: "3" }) } as Frame);
      expect([...roster.callResults]).toEqual([
        ["+2", { code: "486" }],
        ["+1", { code: "3" }],
      ]);
    });

    it("holds the last 1,000 numbers: the oldest goes first", () => {
      const roster = new Roster();
      const data = Array.from({ length: 1001 }, (_, i) => ({ callNumber: `n${i}`, resultCode: i }));
      roster.apply({ action: "InviteResultNotify", data } as Frame);
      expect(roster.callResults.size).toBe(1000);
      expect(roster.callResults.has("n0")).toBe(false);
      expect(roster.callResults.get("n1")).toEqual({ code: "1" });
      expect(roster.callResults.get("n1000")).toEqual({ code: "1000" });
    });
  });

  describe("the waiting room (WaitingListNotify)", () => {
    const waitingList = (msgMode: number | undefined, data: unknown): Frame => ({ action: "WaitingListNotify", msgMode, data }) as Frame;
    const knock = (...entries: unknown[]) => waitingList(1, entries);
    const everyone = (...entries: unknown[]) => waitingList(0, entries);
    const joined = (pid: string, member: Record<string, unknown>) => ({ type: "waitingJoined", participantID: pid, member });
    const left = (pid: string, member: Record<string, unknown>) => ({ type: "waitingLeft", participantID: pid, member });

    it("a knock: waitingJoined with the record as sent, without `mode`, frozen; an incremental list does not sync the room", () => {
      const roster = new Roster();
      expect(roster.waitingSynced).toBe(false);
      expect(roster.apply(knock({ pid: "w1", name: "Carol", mode: 0 }))).toStrictEqual({ events: [joined("w1", { pid: "w1", name: "Carol" })] });
      expect([...roster.waiting]).toEqual([["w1", { pid: "w1", name: "Carol" }]]);
      expect(Object.isFrozen(roster.waiting.get("w1"))).toBe(true);
      expect(roster.waitingSynced).toBe(false);
      expect(roster.participants.size).toBe(0);
    });

    it("incremental: mode 0 or absent adds, mode 1 removes, in the frame's order; a leave carries the last record known", () => {
      const roster = new Roster();
      roster.apply(knock({ pid: "w1", name: "Carol", mode: 0 }));
      const applied = roster.apply(knock({ pid: "w2", name: "Dora", mode: 0 }, { pid: "w1", mode: 1 }, { pid: "w3", name: "Erin" }));
      expect(applied).toStrictEqual({
        events: [joined("w2", { pid: "w2", name: "Dora" }), left("w1", { pid: "w1", name: "Carol" }), joined("w3", { pid: "w3", name: "Erin" })],
      });
      expect([...roster.waiting.keys()]).toEqual(["w2", "w3"]);
    });

    it("a leave for someone not waiting causes nothing, and is not unknown", () => {
      const roster = new Roster();
      roster.apply(knock({ pid: "w1", name: "Carol" }));
      expect(roster.apply(knock({ pid: "nobody", mode: 1 }))).toStrictEqual({ events: [] });
      expect([...roster.waiting.keys()]).toEqual(["w1"]);
    });

    it("a changed record for someone already waiting replaces theirs (never merged) without an event, keeping their place", () => {
      const roster = new Roster();
      roster.apply(knock({ pid: "w1", name: "Carol", FUTURE: "x" }, { pid: "w2", name: "Dora" }));
      expect(roster.apply(knock({ pid: "w1", name: "Carol B.", mode: 0 }))).toStrictEqual({ events: [] });
      expect([...roster.waiting]).toEqual([
        ["w1", { pid: "w1", name: "Carol B." }],
        ["w2", { pid: "w2", name: "Dora" }],
      ]);
      expect(roster.apply(knock({ pid: "w1", mode: 1 }))?.events).toEqual([left("w1", { pid: "w1", name: "Carol B." })]);
    });

    it("a full list replaces the room: the new join, the unlisted and those listed as leaving leave (in the order they came), the unchanged cause nothing", () => {
      const roster = new Roster();
      roster.apply(knock({ pid: "w1", name: "Carol" }, { pid: "w2", name: "Dora" }, { pid: "w3", name: "Erin" }));
      const applied = roster.apply(everyone({ pid: "w2", name: "Dora", mode: 0 }, { pid: "w4", name: "Finn" }, { pid: "w3", name: "Erin", mode: 1 }));
      expect(applied).toStrictEqual({
        events: [joined("w4", { pid: "w4", name: "Finn" }), left("w1", { pid: "w1", name: "Carol" }), left("w3", { pid: "w3", name: "Erin" })],
      });
      expect([...roster.waiting]).toEqual([
        ["w2", { pid: "w2", name: "Dora" }],
        ["w4", { pid: "w4", name: "Finn" }],
      ]);
      expect(roster.waitingSynced).toBe(true);
      expect(roster.synced).toBe(false);
      roster.apply(knock({ pid: "w5" }));
      expect(roster.waitingSynced).toBe(true);
    });

    it("a full list gives a record exactly the listed fields, rather than merging them into the one held", () => {
      const roster = new Roster();
      roster.apply(knock({ pid: "w1", name: "Carol", FUTURE: "x" }));
      expect(roster.apply(everyone({ pid: "w1", name: "Carol" }))).toStrictEqual({ events: [] });
      expect(roster.waiting.get("w1")).toStrictEqual({ pid: "w1", name: "Carol" });
    });

    it("an empty full list empties the room, each leaving in the order they came, and syncs it", () => {
      const roster = new Roster();
      roster.apply(knock({ pid: "w2", name: "Dora" }, { pid: "w1", name: "Carol" }));
      expect(roster.apply(everyone())).toStrictEqual({ events: [left("w2", { pid: "w2", name: "Dora" }), left("w1", { pid: "w1", name: "Carol" })] });
      expect(roster.waiting.size).toBe(0);
      expect(roster.waitingSynced).toBe(true);
    });

    it.each([
      ["a missing pid", { name: "no pid", mode: 0 }],
      ["an empty pid", { pid: "", name: "empty" }],
      ["a numeric pid", { pid: 5, name: "five" }],
      ["a pid that is an object", { pid: { id: "w9" } }],
      ["null", null],
      ["a number", 42],
      ["a string", "w9"],
      ["a list", ["w9"]],
    ])("an entry that is %s is skipped: the others apply, then the frame is passed on as unknown", (_, bad) => {
      const roster = new Roster();
      const frame = knock(bad, { pid: "w1", name: "Carol" });
      expect(roster.apply(frame)).toStrictEqual({ events: [joined("w1", { pid: "w1", name: "Carol" }), { type: "unknown", frame }] });
      expect([...roster.waiting.keys()]).toEqual(["w1"]);
    });

    it("several malformed entries and an unknown mode: one unknown event, after the changes; the unknown mode is neither join nor leave", () => {
      const roster = new Roster();
      roster.apply(knock({ pid: "w6", name: "Gus" }));
      const frame = knock(null, { pid: "w7", name: "Ida", mode: 9 }, { pid: "w6", mode: 9 }, { pid: 5 }, { pid: "w5", name: "Hal", mode: 0 });
      expect(roster.apply(frame)).toStrictEqual({ events: [joined("w5", { pid: "w5", name: "Hal" }), { type: "unknown", frame }] });
      expect([...roster.waiting.keys()]).toEqual(["w6", "w5"]);
    });

    it("a malformed entry in a full list: the list still replaces the room, then the frame is passed on as unknown", () => {
      const roster = new Roster();
      roster.apply(knock({ pid: "w1", name: "Carol" }));
      const frame = everyone({ name: "no pid" }, { pid: "w2", name: "Dora" });
      expect(roster.apply(frame)).toStrictEqual({
        events: [joined("w2", { pid: "w2", name: "Dora" }), left("w1", { pid: "w1", name: "Carol" }), { type: "unknown", frame }],
      });
      expect(roster.waitingSynced).toBe(true);
    });

    it("a name that is not a string becomes its JSON text; every other field is kept as it comes", () => {
      const roster = new Roster();
      roster.apply(
        knock(
          { pid: "w1", name: 7, mode: 0, FUTURE: { x: 1 }, count: 2 },
          { pid: "w2", name: null },
          { pid: "w3", name: { first: "Ann" } },
          { pid: "w4", name: "Dora", flag: true },
        ),
      );
      expect([...roster.waiting]).toStrictEqual([
        ["w1", { pid: "w1", name: "7", FUTURE: { x: 1 }, count: 2 }],
        ["w2", { pid: "w2", name: "null" }],
        ["w3", { pid: "w3", name: '{"first":"Ann"}' }],
        ["w4", { pid: "w4", name: "Dora", flag: true }],
      ]);
    });

    it("a lone entry (not in a list) and data as JSON text are read; a frame without msgMode is incremental", () => {
      const roster = new Roster();
      expect(roster.apply(waitingList(undefined, { pid: "w1", name: "Ida" }))).toStrictEqual({ events: [joined("w1", { pid: "w1", name: "Ida" })] });
      expect(roster.apply(waitingList(1, JSON.stringify([{ pid: "w2", name: "Jo", mode: 0 }])))).toStrictEqual({ events: [joined("w2", { pid: "w2", name: "Jo" })] });
      expect(roster.apply(waitingList(0, JSON.stringify({ pid: "w2", name: "Jo" })))).toStrictEqual({ events: [left("w1", { pid: "w1", name: "Ida" })] });
      expect(roster.waitingSynced).toBe(true);
    });

    it.each([
      ["text that is not JSON", "[oops"],
      ["null", null],
      ["a number", 5],
      ["absent", undefined],
    ])("data that is %s: the frame cannot be read (undefined), and nothing changes, even for a full list", (_, data) => {
      const roster = new Roster();
      roster.apply(knock({ pid: "w1", name: "Carol" }));
      expect(roster.apply(waitingList(0, data))).toBeUndefined();
      expect([...roster.waiting.keys()]).toEqual(["w1"]);
      expect(roster.waitingSynced).toBe(false);
    });

    it("holds exactly 10,000: a newcomer past them is not held, the frame is passed on as unknown, and absence says nothing until a full list fits", () => {
      const roster = new Roster();
      const list = Array.from({ length: 10_000 }, (_, index) => ({ pid: `w${index}`, mode: 0 }));
      const applied = roster.apply(waitingList(0, list));
      expect(applied?.events).toHaveLength(10_000);
      expect(applied?.events[9_999]).toEqual(joined("w9999", { pid: "w9999" }));
      expect([roster.waiting.size, roster.waitingSynced]).toEqual([10_000, true]);
      // A change to a record held needs no room.
      expect(roster.apply(knock({ pid: "w0", name: "Ann" }))).toStrictEqual({ events: [] });
      expect(roster.waiting.get("w0")).toEqual({ pid: "w0", name: "Ann" });
      const past = knock({ pid: "w10000" });
      expect(roster.apply(past)).toStrictEqual({ events: [{ type: "unknown", frame: past }] });
      expect([roster.waiting.size, roster.waiting.has("w10000"), roster.waitingSynced]).toEqual([10_000, false, false]);
      // One leaves: room for the next; the room stays unsynced, since w10000 may still wait.
      roster.apply(knock({ pid: "w1", mode: 1 }));
      expect(roster.apply(knock({ pid: "w10001" }))).toStrictEqual({ events: [joined("w10001", { pid: "w10001" })] });
      expect([roster.waiting.size, roster.waitingSynced]).toEqual([10_000, false]);
      // A full list that fits syncs it again.
      roster.apply(waitingList(0, list));
      expect([roster.waiting.size, roster.waitingSynced]).toEqual([10_000, true]);
    });

    it("a full list of 10,001 holds the first 10,000 listed, passes the frame on as unknown, and does not sync the room", () => {
      const roster = new Roster();
      const list = Array.from({ length: 10_001 }, (_, index) => ({ pid: `w${index}` }));
      const frame = waitingList(0, list);
      const events = roster.apply(frame)?.events;
      expect(events).toHaveLength(10_001);
      expect(events?.at(-2)).toEqual(joined("w9999", { pid: "w9999" }));
      expect(events?.at(-1)).toEqual({ type: "unknown", frame });
      expect([roster.waiting.size, roster.waitingSynced]).toEqual([10_000, false]);
      expect([roster.waiting.has("w0"), roster.waiting.has("w9999"), roster.waiting.has("w10000")]).toEqual([true, true, false]);
    });

    it("a full list that replaces a full room: the unlisted make room for the newcomers, who join first as ever, and the room is synced", () => {
      const roster = new Roster();
      const first = Array.from({ length: 10_000 }, (_, index) => ({ pid: `a${index}` }));
      roster.apply(waitingList(0, first));
      const next = [{ pid: "a0" }, ...Array.from({ length: 9_999 }, (_, index) => ({ pid: `b${index}` }))];
      const events = roster.apply(waitingList(0, next))?.events ?? [];
      expect(events).toHaveLength(9_999 * 2);
      expect(events[0]).toEqual(joined("b0", { pid: "b0" }));
      expect(events[9_998]).toEqual(joined("b9998", { pid: "b9998" }));
      expect(events[9_999]).toEqual(left("a1", { pid: "a1" }));
      expect([roster.waiting.size, roster.waitingSynced, roster.waiting.has("a0"), roster.waiting.has("b9998")]).toEqual([10_000, true, true, true]);
      // Listed twice, a newcomer takes one place.
      const twice = [{ pid: "c0" }, { pid: "c0", name: "Cy" }, ...Array.from({ length: 9_999 }, (_, index) => ({ pid: `b${index}` }))];
      expect(roster.apply(waitingList(0, twice))?.events.filter((event) => event.type === "unknown")).toEqual([]);
      expect([roster.waiting.size, roster.waitingSynced, roster.waiting.get("c0")]).toEqual([10_000, true, { pid: "c0", name: "Cy" }]);
      // Those listed again take their places: no room is left for one more.
      const more = waitingList(0, [...twice, { pid: "d0" }]);
      expect(roster.apply(more)?.events).toStrictEqual([{ type: "unknown", frame: more }]);
      expect([roster.waiting.size, roster.waitingSynced, roster.waiting.has("d0")]).toEqual([10_000, false, false]);
    });

    it("a snapshot carries a copy of the waiting room, shared until it changes; a record that changes nothing keeps the copy", () => {
      const roster = new Roster();
      const empty = roster.snapshot("resync");
      expect(empty.waiting).toEqual(new Map());
      roster.apply(knock({ pid: "w1", name: "Carol" }));
      expect(empty.waiting.size).toBe(0);
      const first = roster.snapshot("resync");
      expect(first).toEqual({
        type: "roster",
        reason: "resync",
        participants: new Map(),
        meeting: {},
        waiting: new Map([["w1", { pid: "w1", name: "Carol" }]]),
        joined: [],
        updated: [],
        left: [],
      });
      expect(first.waiting).not.toBe(roster.waiting);
      roster.apply(knock({ pid: "w1", name: "Carol", mode: 0 }));
      roster.apply(knock({ pid: "nobody", mode: 1 }));
      expect(roster.snapshot("resync").waiting).toBe(first.waiting);
      roster.apply(knock({ pid: "w1", name: "Carol B." }));
      const renamed = roster.snapshot("resync").waiting;
      expect(renamed).not.toBe(first.waiting);
      expect(renamed.get("w1")).toEqual({ pid: "w1", name: "Carol B." });
      roster.apply(knock({ pid: "w1", mode: 1 }));
      const gone = roster.snapshot("resync").waiting;
      expect(gone.size).toBe(0);
      expect(renamed.size).toBe(1);
    });

    it("replays the waiting room last, oldest first, as waitingJoined events; alone when nothing else is known", () => {
      const roster = new Roster();
      roster.apply(knock({ pid: "w2", name: "Dora" }, { pid: "w1", name: "Carol" }));
      const waiting = { events: [joined("w2", { pid: "w2", name: "Dora" }), joined("w1", { pid: "w1", name: "Carol" })] };
      expect(roster.replay()).toStrictEqual([waiting]);
      roster.apply(delta({ pid: "p1", pinfoMap: { a: "1" } }));
      roster.apply({ action: "ConfDynamicInfoNotify", lock: 1 } as Frame);
      expect(roster.replay()).toStrictEqual([
        { events: [{ type: "participantJoined", participantID: "p1", participant: { a: "1" } }], full: undefined },
        { events: [{ type: "meetingUpdated", meeting: { lock: 1 }, changed: ["lock"] }] },
        waiting,
      ]);
      roster.apply(everyone());
      expect(roster.replay()).toHaveLength(2);
    });
  });

  it("any other action is passed on as unknown, and changes nothing", () => {
    const roster = new Roster();
    const frame = { action: "SomethingNew", data: { pid: "p1", callNumber: "+1", resultCode: 0 } } as Frame;
    expect(roster.apply(frame)).toEqual({ events: [{ type: "unknown", frame }] });
    expect(roster.participants.size).toBe(0);
    expect(roster.callResults.size).toBe(0);
  });

  describe("snapshot and replay", () => {
    it("a snapshot shares one copy of the participants until the roster changes", () => {
      const roster = new Roster();
      roster.apply(delta({ pid: "p1", pinfoMap: { a: "1" } }));
      const first = roster.snapshot("resync");
      expect(first).toEqual({ type: "roster", reason: "resync", participants: new Map([["p1", { a: "1" }]]), meeting: {}, waiting: new Map(), joined: [], updated: [], left: [] });
      expect(roster.snapshot("full", { joined: ["p1"], updated: [], left: [] })).toMatchObject({ reason: "full", joined: ["p1"] });
      expect(roster.snapshot("resync").participants).toBe(first.participants);
      roster.apply(delta({ pid: "p1", pinfoMap: { a: "2" } }));
      const second = roster.snapshot("resync");
      expect(second.participants).not.toBe(first.participants);
      expect(second.participants.get("p1")).toEqual({ a: "2" });
      roster.apply(delta({ pid: "p1", mode: 1 }));
      expect(roster.snapshot("resync").participants.size).toBe(0);
    });

    it("replays an unsynced roster as joins without a full list, then the meeting's status", () => {
      const roster = new Roster();
      expect(roster.replay()).toEqual([]);
      roster.apply(delta({ pid: "p1", pinfoMap: { SHARE: "1" } }, { pid: "p2", pinfoMap: { SHARE: "0" } }));
      roster.apply({ action: "ConfDynamicInfoNotify", lock: 1 } as Frame);
      expect(roster.replay()).toEqual([
        {
          events: [
            { type: "participantJoined", participantID: "p1", participant: { SHARE: "1" } },
            { type: "shareStarted", participantID: "p1", participant: { SHARE: "1" } },
            { type: "participantJoined", participantID: "p2", participant: { SHARE: "0" } },
          ],
          full: undefined,
        },
        { events: [{ type: "meetingUpdated", meeting: { lock: 1 }, changed: ["lock"] }] },
      ]);
    });

    it("replays a synced roster, even an empty one, as a full list", () => {
      const roster = new Roster();
      roster.apply(full());
      expect(roster.replay()).toEqual([{ events: [], full: { joined: [], updated: [], left: [] } }]);
      roster.apply(full({ pid: "p1", pinfoMap: {} }));
      expect(roster.replay()).toEqual([{ events: [{ type: "participantJoined", participantID: "p1", participant: {} }], full: { joined: ["p1"], updated: [], left: [] } }]);
    });
  });
});
