// npm start: a moderation story through the facade, in-process on the stateful fake of the API
// (huaweicloud-meeting-control/testing): token → participants → the room muted → a presenter
// invited to share → sharing → given the floor → cancel → the room unmuted. No port, no server:
// the client's `fetch` and `WebSocket` are the fake's.
import { createMeetingClient, MeetingError } from "../src/node.js";
import { createMeetingFake } from "../src/testing/index.js";

const step = (n: number, text: string) => console.log(`\n${n}. ${text}`);
const mask = (secret: string) => `obtained (${secret.length} characters, not shown)`;

const fake = createMeetingFake({ acceptShareInvitations: true, shareDelayMs: 300 });
const meeting = fake.addMeeting({ hostPassword: "FAKE-host-password" });
meeting.join({ name: "Alice" });
meeting.join({ name: "Bob" });
console.log(`A fake meeting ${meeting.conferenceID} with Alice and Bob, in-process (${fake.baseUrl})`);

try {
  const client = createMeetingClient({ baseUrl: fake.baseUrl, fetch: fake.fetch, WebSocket: fake.WebSocket });
  const conf = client.conference(meeting.conferenceID, { hostPassword: "FAKE-host-password" });

  step(1, `Obtain a meeting-control token for conference ${meeting.conferenceID} with the host password`);
  console.log(`   token ${mask(await conf.token())}`);

  step(2, "List the participants");
  const { participants = [] } = await conf.realTimeInfo();
  console.table(participants.map(({ pid, name, state, mute, video }) => ({ pid, name, state, mute, video })));
  const first = participants[0];
  if (!first?.pid) throw new Error("the meeting has no participant to invite");

  step(3, "Mute the room, and forbid unmuting oneself");
  await conf.muteAll({ allowUnmuteByOneself: 0 });
  const bob = participants.find(({ name }) => name === "Bob");
  try {
    meeting.unmute(bob?.pid ?? "");
  } catch (refused) {
    console.log(`   Bob tries to unmute himself: ${(refused as Error).message}`);
  }

  step(4, `Invite ${first.name ?? first.pid} to share their screen`);
  await conf.inviteToShare(first.pid);
  console.log(`   invited ${first.pid} (PUT … {"share":1} → 200)`);

  step(5, `Wait until ${first.name ?? first.pid} is sharing, as the event channel tells`);
  const started = Date.now();
  await conf.waitUntilSharing(first.pid, { timeoutMs: 5_000 });
  console.log(`   ${first.name ?? first.pid} is sharing (SHARE "1" on the channel after ${Date.now() - started} ms)`);

  step(6, `Give ${first.name ?? first.pid} the floor (roll call): heard by everyone, as the channel confirms`);
  await conf.participant(first.pid).rollCall();
  await conf.waitUntil({ participantID: first.pid, ROLLCALL: "1", MUTE: "0" }, { timeoutMs: 5_000 });
  const info = await conf.realTimeInfo();
  console.table((info.participants ?? []).map(({ name, mute }) => ({ name, muted: mute === 1 ? "yes" : "no" })));

  step(7, "Cancel the invitation");
  await conf.cancelShareInvitation(first.pid);
  const sharing = meeting.participants.find(({ pid }) => pid === first.pid)?.sharing;
  console.log(`   cancelled (PUT … {"share":0} → 200); sharing now: ${sharing ? "yes" : "no"}`);

  step(8, "Unmute the room, and end the roll call");
  await conf.unmuteAll();
  await conf.cancelBroadcast();
  console.log(`   the room: ${meeting.conference.mute === 1 ? "muted" : "unmuted"}, mode ${meeting.conference.mode}`);

  console.log("\nThe fake's journal (no secret in it):");
  console.table(fake.journal.map(({ operationId, method, status, violations }) => ({ operationId, method, status, violations: violations.length })));
  console.log("Done: token, participants, room muted, invite, sharing, the floor, cancel, room unmuted.");
} catch (error) {
  process.exitCode = 1;
  console.error(error instanceof MeetingError ? `${error.name}: ${error.message}` : error);
}
