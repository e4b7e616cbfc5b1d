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
