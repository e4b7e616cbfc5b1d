// The README's "The whole meeting" example, run as it is written there.
import { expect, it } from "vitest";
import { createMeetingClient } from "../../src/node.js";
import { createMeetingFake } from "../../src/testing/index.js";
it("plays the README's whole-meeting example: mute all, a refused self-unmute, a roll call", async () => {
  const fake = createMeetingFake();
  const meeting = fake.addMeeting({ hostPassword: "FAKE-host-password" });
  const alice = meeting.join({ name: "Alice" });
  meeting.knock({ name: "Carol" });
  meeting.answerCallOuts("answer");
  const conf = createMeetingClient({ baseUrl: fake.baseUrl, fetch: fake.fetch, WebSocket: fake.WebSocket }).conference(meeting.conferenceID, {
    hostPassword: "FAKE-host-password",
  });
  await conf.muteAll({ allowUnmuteByOneself: 0 });
  await conf.waitUntil({ meeting: { mute: 1 } }, { timeoutMs: 3000 });
  expect(() => meeting.unmute(alice.pid)).toThrow();
  await conf.participant(alice.pid).rollCall();
  expect(meeting.details(alice.pid)).toMatchObject({ rollcall: 1 });
});
