// npm run fake: the stateful fake of the meeting-control API on 127.0.0.1:$FAKE_PORT (default
// 4011), REST and WebSocket, with one meeting in progress, for the CLI and for apps in other
// languages. Invited participants accept after a short delay. Ctrl-C stops it.
import { randomBytes } from "node:crypto";
import { createMeetingFake } from "../src/testing/index.js";

const port = Number(process.env.FAKE_PORT ?? 4011);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`FAKE_PORT must be a port number (0-65535), got ${JSON.stringify(process.env.FAKE_PORT)}`);
  process.exit(2);
}
const fake = createMeetingFake({ acceptShareInvitations: true, shareDelayMs: 500 });
// A generated password, plainly fake: never a real one in a terminal or a log.
const hostPassword = `FAKE-${randomBytes(6).toString("hex")}`;
const meeting = fake.addMeeting({ hostPassword, conferenceID: "986947855" });
for (const name of ["Alice", "Bob"]) meeting.join({ name });
const server = await fake.listen({ port });

console.log(`Fake meeting-control API listening on ${server.url} (Ctrl-C stops it)`);
console.log(`  conference ID  ${meeting.conferenceID}`);
console.log(`  host password  ${hostPassword}   (generated, fake)`);
console.log(`  participants   ${meeting.participants.map(({ name, pid }) => `${name} ${pid}`).join(", ")}`);
console.log(`  WebSocket      ${server.url.replace(/^http/, "ws")}/cms/open/websocket/confctl/increment/conn`);
console.log(`Try:   MEETING_HOST_PASSWORD=${hostPassword} npx meeting-control participants --conference ${meeting.conferenceID} --base-url ${server.url}`);

let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  void server.close().then(() => process.exit(0));
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
