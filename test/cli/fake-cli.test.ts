// The command line against the fake over loopback (what `npm run fake` serves): the story and
// its failures, with the fake's state showing what each command did.
import { Readable } from "node:stream";
import { afterEach, beforeEach, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { createMeetingFake, type FakeMeeting, type FakeServer, type MeetingFake } from "../../src/testing/index.js";
import { HOST_PASSWORD } from "../support/fake-helpers.js";

let fake: MeetingFake;
let server: FakeServer;
let meeting: FakeMeeting;

beforeEach(async () => {
  fake = createMeetingFake({ acceptShareInvitations: true, shareDelayMs: 20 });
  meeting = fake.addMeeting({ hostPassword: HOST_PASSWORD });
  server = await fake.listen();
});
afterEach(() => server.close());

async function cli(args: string[], password = HOST_PASSWORD) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, "--conference", meeting.conferenceID, "--base-url", server.url], {
    env: { MEETING_HOST_PASSWORD: password },
    stdin: Readable.from([]),
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

it("participants, share invite --wait, share cancel: each changes the fake's state as it says", async () => {
  const alice = meeting.join({ name: "Alice" });
  const listed = await cli(["participants", "--json"]);
  expect(listed.code).toBe(0);
  expect(JSON.parse(listed.stdout).map((p: { pid: string }) => p.pid)).toEqual([alice.pid]);

  const invited = await cli(["share", "invite", "--participant", alice.pid, "--wait", "--timeout", "5"]);
  expect(invited).toMatchObject({ code: 0, stderr: "" });
  expect(meeting.participants[0]!.sharing).toBe(true);

  const cancelled = await cli(["share", "cancel", "--participant", alice.pid]);
  expect(cancelled.code).toBe(0);
  expect(meeting.participants[0]).toMatchObject({ sharing: false, invited: false });
  for (const run of [listed, invited, cancelled]) expect(run.stdout + run.stderr).not.toContain(HOST_PASSWORD);
});

it("inviting a participant who left: exit 4 with the vendor's code and the request ID", async () => {
  const bob = meeting.join({ name: "Bob" });
  meeting.leave(bob.pid);
  const run = await cli(["share", "invite", "--participant", bob.pid]);
  expect(run.code).toBe(4);
  expect(run.stderr).toContain("errorCode: USG.201040000");
  expect(run.stderr).toMatch(/requestId: [0-9a-f]{32}/);
});

it("a wrong host password: exit 3, the password nowhere in the output", async () => {
  const run = await cli(["participants"], "FAKE-wrong-password");
  expect(run.code).toBe(3);
  expect(run.stderr).toContain("errorCode: FAKE.401001");
  expect(run.stdout + run.stderr).not.toContain("FAKE-wrong-password");
});
