// The journal says exactly what went over the wire: a loopback recorder in front of the fake
// sees the same requests, in the same order, answered with the same statuses.
import { afterEach, expect, it } from "vitest";
import { createMeetingClient } from "../../src/node.js";
import { createMeetingFake } from "../../src/testing/index.js";
import { HOST_PASSWORD, PATHS } from "../support/fake-helpers.js";
import { startRecorder, type Recorder } from "../support/servers/recorder.js";

let recorder: Recorder | undefined;
afterEach(() => recorder?.close());

it("the fake's journal equals what a loopback recorder in front of it saw", async () => {
  const fake = createMeetingFake();
  const meeting = fake.addMeeting({ hostPassword: HOST_PASSWORD });
  const alice = meeting.join({ name: "Alice" });
  const statuses: number[] = [];
  // The recorder forwards each request it records to the fake, and the fake's answer back.
  recorder = await startRecorder((recorded, res) => {
    const headers = Object.entries(recorded.headers).filter(([name]) => !["host", "connection", "content-length"].includes(name));
    void fake
      .fetch(`${fake.baseUrl}${recorded.target}`, { method: recorded.method, headers: headers as [string, string][], body: recorded.body || undefined })
      .then(async (answer) => {
        statuses.push(answer.status);
        res.writeHead(answer.status, Object.fromEntries(answer.headers));
        res.end(Buffer.from(await answer.arrayBuffer()));
      });
  });

  const client = createMeetingClient({ baseUrl: recorder.url, maxRetries: 1 });
  const conf = client.conference(meeting.conferenceID, { hostPassword: HOST_PASSWORD });
  await conf.realTimeInfo();
  fake.failNext("inviteShare", { status: 503, retryAfter: 0 });
  await conf.inviteToShare(alice.pid);
  await conf.cancelShareInvitation(alice.pid);
  await expect(conf.inviteToShare("no-such-participant")).rejects.toThrow(/USG\.201040000/);
  await expect(client.conference(meeting.conferenceID, { hostPassword: "FAKE-wrong-password" }).token()).rejects.toThrow(/401/);
  await fetch(`${recorder.url}${PATHS.invite}?conferenceID=${meeting.conferenceID}`, { method: "PUT", headers: { "content-type": "application/json" }, body: '{"share":"1"}' });
  await fetch(`${recorder.url}/v1/not-in-the-spec`);

  const seen = recorder.requests.map(({ method, target }, index) => ({ method, path: target.split("?")[0], status: statuses[index] }));
  expect(fake.journal.map(({ method, path, status }) => ({ method, path, status }))).toEqual(seen);
  expect(fake.journal.map(({ operationId, status }) => `${operationId} ${status}`)).toEqual([
    "createConfToken 200",
    "showRealTimeInfoOfMeeting 200",
    "inviteShare 503",
    "inviteShare 200",
    "inviteShare 200",
    "inviteShare 400",
    "createConfToken 401",
    "inviteShare 401",
    "null 404",
  ]);
  expect(fake.journal.at(-2)!.violations).toEqual([
    "/query/participantID: must have required property 'participantID'",
    "/header/X-Conference-Authorization: must have required property 'X-Conference-Authorization'",
    "/body/share: must be integer",
    "/body/share: must be equal to one of the allowed values",
  ]);
});
