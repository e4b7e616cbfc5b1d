// Compile-time guarantees of the event channel: the event union narrows on `type`, and the
// options take only what the channel knows.
import { describe, expectTypeOf, it } from "vitest";
import type { Conference, MeetingEvent, MeetingState, Participant } from "../../src/node.js";

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
      if (event.type === "meetingUpdated") expectTypeOf(event.meeting).toEqualTypeOf<MeetingState>();
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
      "participantJoined" | "participantUpdated" | "participantLeft" | "shareStarted" | "shareStopped" | "meetingUpdated" | "unknown"
    >();
  });
});
