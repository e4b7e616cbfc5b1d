// npm start: the whole flow through the facade against the Prism mock of openapi.yaml.
import { createMeetingClient, MeetingError } from "../src/index.js";
import { createMeetingFake } from "../src/testing/index.js";
import { startPrism } from "./prism.js";

const conferenceID = "986947855";
const step = (n: number, text: string) => console.log(`\n${n}. ${text}`);
const mask = (secret: string) => `obtained (${secret.length} characters, not shown)`;

console.log("Starting the Prism mock of openapi.yaml …");
const prism = await startPrism();
console.log(`Mock listening on ${prism.url}`);

try {
  const meeting = createMeetingClient({ baseUrl: prism.url });
  const conf = meeting.conference(conferenceID, { hostPassword: "EXAMPLE-host-password" });

  step(1, `Obtain a meeting-control token for conference ${conferenceID} with the host password`);
  console.log(`   token ${mask(await conf.token())}`);

  step(2, "List the participants");
  const { participants = [] } = await conf.realTimeInfo();
  console.table(participants.map(({ pid, name, state, mute, video }) => ({ pid, name, state, mute, video })));
  const first = participants[0];
  if (!first?.pid) throw new Error("the meeting has no participant to invite");

  step(3, `Invite ${first.name ?? first.pid} to share their screen`);
  await conf.inviteToShare(first.pid);
  console.log(`   invited ${first.pid} (PUT … {"share":1} → 200)`);

  step(4, "Cancel the invitation");
  await conf.cancelShareInvitation(first.pid);
  console.log(`   cancelled (PUT … {"share":0} → 200)`);

  // Prism serves REST only: the outcome of an invitation is on the event channel, so the rest of
  // the story runs against the stateful fake, in-process, with its own WebSocket.
  step(5, "See the outcome on the event channel (against the in-process fake, whose participants accept)");
  const fake = createMeetingFake({ acceptShareInvitations: true });
  const fakeMeeting = fake.addMeeting({ hostPassword: "EXAMPLE-host-password" });
  const alice = fakeMeeting.join({ name: "Alice" });
  const live = createMeetingClient({ baseUrl: fake.baseUrl, fetch: fake.fetch, WebSocket: fake.WebSocket }).conference(fakeMeeting.conferenceID, {
    hostPassword: "EXAMPLE-host-password",
  });
  await live.inviteToShare(alice.pid);
  console.log(`   invited Alice (${alice.pid})`);
  await live.waitUntilSharing(alice.pid, { timeoutMs: 10_000 });
  console.log("   sharing started");
  await live.cancelShareInvitation(alice.pid);
  console.log("   invitation cancelled");

  console.log("\nDone: token, participants, invite, cancel; invite → sharing started → cancel.");
} catch (error) {
  process.exitCode = 1;
  console.error(error instanceof MeetingError ? `${error.name}: ${error.message}` : error);
} finally {
  await prism.stop();
}
