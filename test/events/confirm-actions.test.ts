// Every action the vendor's channel shows, done through the client's generated methods against
// the fake, and confirmed with conf.waitUntil(): the facade, the fake and the channel test each other.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMeetingClient, type Conference, type WaitCondition } from "../../src/node.js";
import { createMeetingFake, type FakeMeeting, type FakeParticipant, type MeetingFake } from "../../src/testing/index.js";

const PASSWORD = "FAKE-host-password";
let fake: MeetingFake;
let meeting: FakeMeeting;
let alice: FakeParticipant;
let bob: FakeParticipant;
let conf: Conference;

beforeEach(() => {
  fake = createMeetingFake();
  meeting = fake.addMeeting({ hostPassword: PASSWORD });
  alice = meeting.join({ name: "Alice" });
  bob = meeting.join({ name: "Bob" });
  conf = createMeetingClient({ baseUrl: fake.baseUrl, fetch: fake.fetch, WebSocket: fake.WebSocket }).conference(meeting.conferenceID, { hostPassword: PASSWORD });
});
afterEach(() => fake.dropWebSockets());

const confirm = (condition: WaitCondition) => conf.waitUntil(condition, { timeoutMs: 5_000 });

describe("each action is confirmed by what the channel shows", () => {
  const cases: [string, () => Promise<void>, () => WaitCondition][] = [
    ["mute", () => conf.participant(alice.pid).mute(), () => ({ participantID: alice.pid, MUTE: "1" })],
    ["unmute", () => conf.participant(bob.pid).unmute(), () => ({ participantID: bob.pid, MUTE: "0" })],
    ["raise a hand", () => conf.participant(alice.pid).raiseHand(), () => ({ participantID: alice.pid, HAND: "1" })],
    ["make a co-host", () => conf.participant(alice.pid).makeCohost(), () => ({ participantID: alice.pid, ROLE: "3" })],
    ["broadcast", () => conf.participant(alice.pid).broadcast(), () => ({ participantID: alice.pid, BROADCAST: "1" })],
    ["roll call", () => conf.participant(alice.pid).rollCall(), () => ({ participantID: alice.pid, ROLLCALL: "1" })],
    ["rename", () => conf.participant(alice.pid).rename({ number: "+8612345678", newName: "Presenter" }), () => ({ participantID: alice.pid, NAME: "Presenter" })],
    ["hang up", () => conf.hangUp([bob.pid]), () => ({ participantID: bob.pid, left: true })],
    ["lock", () => conf.lock(), () => ({ meeting: { lock: 1 } })],
    ["mute all", () => conf.muteAll(), () => ({ meeting: { mute: 1 } })],
    ["lock sharing", () => conf.lockSharing(), () => ({ meeting: { lockSharing: 1 } })],
    ["start recording", () => conf.startRecording(), () => ({ meeting: { recState: 1 } })],
  ];
  it.each(cases)("%s", async (_name, act, condition) => {
    const seen = confirm(condition());
    await act();
    await seen;
  });

  it("admission from the waiting room: the admitted participant joins the roster", async () => {
    const carol = meeting.knock({ name: "Carol" });
    const seen = confirm({ participantID: carol.pid, STATE: "0" });
    await conf.participant(carol.pid).admit();
    await seen;
  });

  it("a call-out answered: InviteResultNotify for the number called, watched from before the call", async () => {
    meeting.answerCallOuts("answer");
    // A call's result is an event, not state: the channel must be open before the call is placed.
    const live = await conf.roster();
    const seen = confirm({ callNumber: "+8612345679" });
    await conf.inviteParticipants([{ name: "Dave", phone: "+8612345679", type: "mobile" }]);
    await seen;
    live.close();
  });

  it("a timeout says what was not seen", async () => {
    const error = await conf.waitUntil({ participantID: alice.pid, HAND: "1" }, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(String(error)).toContain(`participant ${alice.pid} HAND "1"`);
  });
});
