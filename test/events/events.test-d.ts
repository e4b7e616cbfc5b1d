// Compile-time guarantees of the event channel: the event union narrows on `type`, and the
// options take only what the channel knows.
import { describe, expectTypeOf, it } from "vitest";
import type { Conference, ConferenceState, MeetingEvent, MeetingStatus, Participant, WaitingMember } from "../../src/node.js";

declare const conf: Conference;

describe("conf.events()", () => {
  it("narrows each event on its type", async () => {
    for await (const event of conf.events()) {
      if (event.type === "shareStarted") {
        expectTypeOf(event.participantID).toEqualTypeOf<string>();
        expectTypeOf(event.participant).toEqualTypeOf<Participant>();
        expectTypeOf(event.participant.SHARE).toEqualTypeOf<string | undefined>();
      }
      if (event.type === "participantUpdated") expectTypeOf(event.changed).toEqualTypeOf<string[]>();
      if (event.type === "meetingUpdated") expectTypeOf(event.meeting).toEqualTypeOf<MeetingStatus>();
      if (event.type === "roster") {
        expectTypeOf(event.participants).toEqualTypeOf<ReadonlyMap<string, Participant>>();
        expectTypeOf(event.reason).toEqualTypeOf<"full" | "resync">();
        expectTypeOf(event.waiting).toEqualTypeOf<ReadonlyMap<string, WaitingMember>>();
        // @ts-expect-error a roster event has no single participant
        void event.participantID;
      }
      if (event.type === "waitingJoined" || event.type === "waitingLeft") {
        expectTypeOf(event.participantID).toEqualTypeOf<string>();
        expectTypeOf(event.member.name).toEqualTypeOf<string | undefined>();
        // @ts-expect-error someone waiting has no pinfoMap record
        void event.participant;
      }
      if (event.type === "unknown") {
        expectTypeOf(event.frame).toBeUnknown();
        // @ts-expect-error an unknown frame has no participant
        void event.participantID;
      }
      expectTypeOf(event.missed).toEqualTypeOf<number | undefined>();
    }
  });

  it("takes only the event types there are", () => {
    conf.events({ types: ["shareStarted", "shareStopped"] });
    // @ts-expect-error no such event type
    conf.events({ types: ["shareBegan"] });
    expectTypeOf(conf.waitUntilSharing("p", { timeoutMs: 1_000 })).toEqualTypeOf<Promise<void>>();
    expectTypeOf<MeetingEvent["type"]>().toEqualTypeOf<
      "participantJoined" | "participantUpdated" | "participantLeft" | "shareStarted" | "shareStopped" | "waitingJoined" | "waitingLeft" | "meetingUpdated" | "roster" | "unknown"
    >();
  });
});

describe("conf.waitUntil()", () => {
  it("takes pinfoMap values, a participant gone, meeting fields, a condition or a function of the state", () => {
    expectTypeOf(conf.waitUntil({ participantID: "p", MUTE: "1" })).toEqualTypeOf<Promise<void>>();
    conf.waitUntil({ participantID: "p", ROLE: "1", NAME: "Alice" });
    conf.waitUntil({ participantID: "p", left: true });
    conf.waitUntil({ waiting: "p" });
    conf.waitUntil({ waiting: "p", left: true });
    // @ts-expect-error left is true or absent
    conf.waitUntil({ waiting: "p", left: false });
    conf.waitUntil({ meeting: { lock: 1, recState: "1" } }, { timeoutMs: 1_000, description: "locked and recording" });
    conf.waitUntil((state) => {
      expectTypeOf(state).toEqualTypeOf<ConferenceState>();
      return state.participants.size > 100;
    });
    conf.waitUntil({ description: "two", holds: (state) => state.participants.size === 2 });
    // @ts-expect-error MUTE is "0" or "1"
    conf.waitUntil({ participantID: "p", MUTE: "yes" });
    // @ts-expect-error left is true or absent
    conf.waitUntil({ participantID: "p", left: false });
    // @ts-expect-error not a condition
    conf.waitUntil(42);
  });
});
