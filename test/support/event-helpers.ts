// What the event-channel tests share: taking a number of events, and a compact view of them.
import type { MeetingEvent } from "../../src/node.js";

/** The next `count` events; rejects if the iterator ends first. */
export async function take(events: AsyncIterator<MeetingEvent>, count: number): Promise<MeetingEvent[]> {
  const taken: MeetingEvent[] = [];
  while (taken.length < count) {
    const { value, done } = await events.next();
    if (done) throw new Error(`the events ended after ${taken.length}`);
    taken.push(value);
  }
  return taken;
}

/** Type and participant of each event, for compact comparisons. */
export const brief = (events: MeetingEvent[]) => events.map((e) => ("participantID" in e ? `${e.type} ${e.participantID}` : e.type));
