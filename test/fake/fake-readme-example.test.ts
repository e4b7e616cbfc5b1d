// The README's "Testing your app" example, as it is there but for the import paths
// (test/package/fake-package.test.ts checks that the two stay the same).
import { expect, it } from "vitest";
import { createMeetingClient, InternalServerError } from "../../src/node.js";
import { createMeetingFake } from "../../src/testing/index.js";

it("invites Alice, sees her share, then cancels", async () => {
  const fake = createMeetingFake({ acceptShareInvitations: true });
  const meeting = fake.addMeeting({ hostPassword: "FAKE-host-password" });
  const alice = meeting.join({ name: "Alice" });

  // In-process, no port: the client's fetch and WebSocket are the fake's.
  const client = createMeetingClient({ baseUrl: fake.baseUrl, fetch: fake.fetch, WebSocket: fake.WebSocket });
  const conf = client.conference(meeting.conferenceID, { hostPassword: "FAKE-host-password" });

  const { participants } = await conf.realTimeInfo();
  expect(participants?.map((p) => p.name)).toEqual(["Alice"]);

  await conf.inviteToShare(alice.pid);
  await conf.waitUntilSharing(alice.pid); // SHARE "1" on the event channel, shareDelayMs (20 ms) later
  expect(meeting.participants[0]?.sharing).toBe(true);

  await conf.cancelShareInvitation(alice.pid);
  expect(meeting.participants[0]?.sharing).toBe(false);
  expect(fake.journal.map((entry) => `${entry.operationId} ${entry.status}`)).toEqual([
    "createConfToken 200",
    "showRealTimeInfoOfMeeting 200",
    "inviteShare 200",
    "createWebSocketToken 200",
    "inviteShare 200",
  ]);
});

it("surfaces a server error after the retries", async () => {
  const fake = createMeetingFake();
  const meeting = fake.addMeeting({ hostPassword: "FAKE-host-password" });
  const alice = meeting.join({ name: "Alice" });
  const client = createMeetingClient({ baseUrl: fake.baseUrl, fetch: fake.fetch, maxRetries: 1 });
  const conf = client.conference(meeting.conferenceID, { hostPassword: "FAKE-host-password" });

  fake.failNext("inviteShare", { status: 500, times: 2 });
  await expect(conf.inviteToShare(alice.pid)).rejects.toBeInstanceOf(InternalServerError);
});
