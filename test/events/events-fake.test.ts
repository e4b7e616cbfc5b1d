// The goal of issue 16, end to end against the stateful fake (issue 15) on every transport:
// `await conf.inviteToShare(pid); await conf.waitUntilSharing(pid)`, and the event stream
// through joins, shares, a dropped channel and the meeting's end.
import { afterEach, describe, expect, it } from "vitest";
import { AuthenticationError, createMeetingClient, MeetingEndedError, type MeetingClientOptions } from "../../src/node.js";
import { createMeetingFake, type MeetingFake, type MeetingFakeOptions } from "../../src/testing/index.js";
import { HOST_PASSWORD } from "../support/fake-helpers.js";
import { brief, take } from "../support/event-helpers.js";

/** How the client reaches the fake: undici (the Node default) or a caller's fetch over loopback, or all in-process. */
const transports: Record<string, (fake: MeetingFake) => Promise<{ options: MeetingClientOptions; close(): Promise<void> }>> = {
  undici: async (fake) => {
    const server = await fake.listen();
    return { options: { baseUrl: server.url }, close: () => server.close() };
  },
  fetch: async (fake) => {
    const server = await fake.listen();
    return { options: { baseUrl: server.url, fetch: (url, init) => globalThis.fetch(url, init) }, close: () => server.close() };
  },
  "in-process": async (fake) => ({ options: { baseUrl: fake.baseUrl, fetch: fake.fetch, WebSocket: fake.WebSocket }, close: async () => {} }),
};

let closing: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closing?.();
  closing = undefined;
});

async function setUp(transport: string, options?: MeetingFakeOptions) {
  const fake = createMeetingFake(options);
  const door = await transports[transport]!(fake);
  closing = door.close;
  const meeting = fake.addMeeting({ hostPassword: HOST_PASSWORD });
  const conf = createMeetingClient(door.options).conference(meeting.conferenceID, { hostPassword: HOST_PASSWORD });
  return { fake, meeting, conf, options: door.options };
}

for (const transport of Object.keys(transports)) {
  describe(`against the fake (${transport})`, () => {
    it("inviteToShare, then waitUntilSharing resolves once the participant shares", async () => {
      const { fake, meeting, conf } = await setUp(transport, { acceptShareInvitations: true });
      const { pid } = meeting.join({ name: "Alice" });
      await conf.inviteToShare(pid);
      await conf.waitUntilSharing(pid, { timeoutMs: 5_000 });
      expect(meeting.participants.find((p) => p.pid === pid)?.sharing).toBe(true);
      const calls = fake.journal.map((entry) => entry.operationId);
      expect(calls).toContain("createWebSocketToken");
      expect(fake.journal.flatMap((entry) => entry.violations)).toEqual([]); // every request as openapi.yaml has it
    });

    it("streams joins, shares and leaves, resyncs after a dropped channel without duplicates, and ends with the meeting", async () => {
      const { fake, meeting, conf } = await setUp(transport);
      const alice = meeting.join({ name: "Alice" });
      const events = conf.events();
      expect(brief(await take(events, 2))).toEqual([`participantJoined ${alice.pid}`, "meetingUpdated"]);
      const bob = meeting.join({ name: "Bob" });
      meeting.startSharing(bob.pid);
      const joined = await take(events, 3);
      expect(brief(joined)).toEqual([`participantJoined ${bob.pid}`, `participantUpdated ${bob.pid}`, `shareStarted ${bob.pid}`]);
      expect(joined[2]).toMatchObject({ participant: { NAME: "Bob", SHARE: "1" } });

      const tokensBefore = fake.journal.filter((entry) => entry.operationId === "createWebSocketToken").length;
      fake.dropWebSockets();
      meeting.leave(alice.pid); // while the client is away
      expect(brief(await take(events, 1))).toEqual([`participantLeft ${alice.pid}`]);
      expect(fake.journal.filter((entry) => entry.operationId === "createWebSocketToken").length).toBe(tokensBefore + 1);

      meeting.stopSharing(bob.pid);
      expect(brief(await take(events, 2))).toEqual([`participantUpdated ${bob.pid}`, `shareStopped ${bob.pid}`]);
      meeting.end();
      expect(await take(events, 1)).toMatchObject([{ type: "meetingUpdated", meeting: { state: "Destroyed" } }]);
      await expect(events.next()).rejects.toBeInstanceOf(MeetingEndedError);
    });

    it("reconnects when the fake closes a channel silent for 180 s, with nothing repeated", async () => {
      const { fake, meeting, conf } = await setUp(transport);
      const alice = meeting.join({ name: "Alice" });
      const events = conf.events();
      expect(brief(await take(events, 2))).toEqual([`participantJoined ${alice.pid}`, "meetingUpdated"]);
      fake.advanceTime(181_000); // no heart-beat in the fake's time: it closes the channel
      const bob = meeting.join({ name: "Bob" });
      expect(brief(await take(events, 1))).toEqual([`participantJoined ${bob.pid}`]);
      expect(fake.journal.filter((entry) => entry.operationId === "createWebSocketToken")).toHaveLength(2);
      await events.return();
    });

    it("ends with AuthenticationError when the fake refuses the control token", async () => {
      const { fake, meeting, options } = await setUp(transport);
      const wsUrl = fake.baseUrl.replace(/^http/, "ws");
      const conf = createMeetingClient({ ...options, wsUrl }).conference(meeting.conferenceID, { token: "FAKE-not-a-token" });
      await expect(take(conf.events(), 1)).rejects.toBeInstanceOf(AuthenticationError);
    });
  });
}
