// What a test drives from the participants' side (join with a role, hands, unmuting oneself,
// sharing, the waiting room, call-outs, leaving), the fake's refusals as the vendor gives them,
// and a few operations through the client's generated methods.
import { afterEach, describe, expect, it } from "vitest";
import { operations } from "../../src/generated/validators.js";
import { createMeetingClient } from "../../src/node.js";
import type { OperationId } from "../../src/testing/index.js";
import { subscribe } from "../support/fake-channel-probe.js";
import { control, HOST_PASSWORD, modes, PATHS, requestToken, type Door } from "../support/fake-helpers.js";

const P = "ParticipantsNotify";
const W = "WaitingListNotify";
const I = "InviteResultNotify";

describe.each(Object.entries(modes))("the fake's participants and refusals, %s mode", (mode, open) => {
  let door: Door;
  let closeChannel: (() => void) | undefined;
  afterEach(async () => {
    closeChannel?.();
    await door?.close();
  });

  const setUp = async (started = true) => {
    door = await open();
    const meeting = door.fake.addMeeting({ hostPassword: HOST_PASSWORD, started });
    const token = started ? (await requestToken(door, meeting.conferenceID)).body.data.token : "";
    const call = async (operationId: OperationId, query: Record<string, string> = {}, body?: unknown) => {
      const { method, path } = operations[operationId];
      const { response, body: answer } = await control(door, path, { conferenceID: meeting.conferenceID, ...query }, token, { method, body });
      return { status: response.status, body: answer };
    };
    const realTimeInfo = async () => (await control(door, PATHS.realTimeInfo, { conferenceID: meeting.conferenceID }, token)).body as any;
    const channel = async () => {
      const probe = await subscribe(door, mode, meeting.conferenceID, token);
      closeChannel = probe.close;
      return probe;
    };
    return { meeting, call, realTimeInfo, channel };
  };

  it("joins as host, co-host, participant or audience: ROLE on the channel, chair and co-hosts in realTimeInfo, only the first two unmuted", async () => {
    const { meeting, realTimeInfo, channel } = await setUp();
    const hana = meeting.join({ name: "Hana", role: "host" });
    const cole = meeting.join({ name: "Cole", role: "cohost" });
    const alice = meeting.join({ name: "Alice" });
    const aud = meeting.join({ name: "Aud", role: "audience" });
    expect(() => meeting.join({ name: "Second host", role: "host" })).toThrow(/role.*the meeting has a host already/);
    const { full } = await channel();
    const roles = (full[1]!.data as { pid: string; pinfoMap: { ROLE: string; MUTE: string } }[]).map(({ pid, pinfoMap }) => [pid, pinfoMap.ROLE, pinfoMap.MUTE]);
    expect(roles).toEqual([
      [hana.pid, "1", "0"],
      [cole.pid, "3", "0"],
      [alice.pid, "0", "1"],
      [aud.pid, "2", "1"],
    ]);
    const info = await realTimeInfo();
    expect(info.confInfo).toEqual({ chairID: hana.pid, coHosts: [cole.pid] });
    expect(info.participants.map(({ mute }: { mute: number }) => mute)).toEqual([0, 0, 1, 1]);
  });

  it("raises and lowers a hand: HAND on the channel and in realTimeInfo", async () => {
    const { meeting, realTimeInfo, channel } = await setUp();
    const alice = meeting.join({ name: "Alice" });
    const probe = await channel();
    meeting.raiseHand(alice.pid);
    expect((await realTimeInfo()).participants[0].hand).toBe(1);
    meeting.lowerHand(alice.pid);
    expect(await probe.pushes(2)).toEqual([
      [P, [{ pid: alice.pid, mode: 0, pinfoMap: { HAND: "1" } }]],
      [P, [{ pid: alice.pid, mode: 0, pinfoMap: { HAND: "0" } }]],
    ]);
  });

  it("unmutes oneself only while the meeting allows it; the host always may", async () => {
    const { meeting, call, channel } = await setUp();
    const hana = meeting.join({ name: "Hana", role: "host" });
    const alice = meeting.join({ name: "Alice" });
    expect((await call("allowGuestUnmute", {}, { allowUnmuteByOneself: 0 })).status).toBe(200);
    const probe = await channel();
    expect(() => meeting.unmute(alice.pid)).toThrow(/does not let participants unmute themselves/);
    meeting.mute(hana.pid);
    meeting.unmute(hana.pid);
    expect((await call("allowGuestUnmute", {}, { allowUnmuteByOneself: 1 })).status).toBe(200);
    meeting.unmute(alice.pid);
    expect(await probe.pushes(4)).toEqual([
      [P, [{ pid: hana.pid, mode: 0, pinfoMap: { MUTE: "1" } }]],
      [P, [{ pid: hana.pid, mode: 0, pinfoMap: { MUTE: "0" } }]],
      ["ConfDynamicInfoNotify", { canUnmute: 1 }],
      [P, [{ pid: alice.pid, mode: 0, pinfoMap: { MUTE: "0" } }]],
    ]);
  });

  it("shares only while sharing is unlocked, unless host or co-host", async () => {
    const { meeting, call, channel } = await setUp();
    const cole = meeting.join({ name: "Cole", role: "cohost" });
    const alice = meeting.join({ name: "Alice" });
    expect((await call("updateStartedConfConfig", {}, { lockSharing: 1 })).status).toBe(200);
    const probe = await channel();
    expect(() => meeting.startSharing(alice.pid)).toThrow(/sharing is locked/);
    meeting.startSharing(cole.pid);
    meeting.stopSharing(cole.pid);
    expect(await probe.pushes(2)).toEqual([
      [P, [{ pid: cole.pid, mode: 0, pinfoMap: { SHARE: "1" } }]],
      [P, [{ pid: cole.pid, mode: 0, pinfoMap: { SHARE: "0" } }]],
    ]);
  });

  it("knocks on the waiting room, is admitted with allowAll; one who gives up leaves the waiting list", async () => {
    const { meeting, call, realTimeInfo, channel } = await setUp();
    const probe = await channel();
    const carol = meeting.knock({ name: "Carol" });
    const dave = meeting.knock({ name: "Dave" });
    expect(meeting.waiting.map(({ name }) => name)).toEqual(["Carol", "Dave"]);
    expect((await realTimeInfo()).participants).toEqual([]);
    meeting.leave(dave.pid);
    expect((await call("allowWaitingParticipant", {}, { allowAll: true })).status).toBe(200);
    expect(await probe.pushes(5)).toEqual([
      [W, [{ pid: carol.pid, name: "Carol", mode: 0 }]],
      [W, [{ pid: dave.pid, name: "Dave", mode: 0 }]],
      [W, [{ pid: dave.pid, name: "Dave", mode: 1 }]],
      [W, [{ pid: carol.pid, name: "Carol", mode: 1 }]],
      [P, [{ pid: carol.pid, mode: 0, pinfoMap: expect.objectContaining({ NAME: "Carol", STATE: "0" }) }]],
    ]);
    expect(meeting.waiting).toEqual([]);
    expect((await realTimeInfo()).participants.map(({ name }: { name: string }) => name)).toEqual(["Carol"]);
  });

  it("a call-out refused by the number's rule leaves with a failure result; an ignored one rings until answered", async () => {
    const { meeting, call, realTimeInfo, channel } = await setUp();
    meeting.answerCallOuts("refuse", { phone: "+8613900000005" });
    const probe = await channel();
    const attendees = [
      { name: "Erin", phone: "+8613900000005", type: "normal" },
      { name: "Finn", phone: "+8613900000006", type: "normal" },
    ];
    expect((await call("inviteParticipant", {}, { attendees })).status).toBe(200);
    const finn = meeting.participants.find(({ name }) => name === "Finn")!;
    const erin = [...(await probe.pushes(4))];
    const erinPid = (erin[0]![1] as { pid: string }[])[0]!.pid;
    expect(erin).toEqual([
      [P, [{ pid: erinPid, mode: 0, pinfoMap: expect.objectContaining({ NAME: "Erin", STATE: "1" }) }]],
      [P, [{ pid: erinPid, mode: 1 }]],
      [I, [{ callNumber: "+8613900000005", resultCode: "1" }]],
      [P, [{ pid: finn.pid, mode: 0, pinfoMap: expect.objectContaining({ NAME: "Finn", STATE: "1" }) }]],
    ]);
    expect((await realTimeInfo()).participants).toEqual([{ pid: finn.pid, name: "Finn", phone: "+8613900000006", state: 1, video: 0, mute: 1, hand: 0 }]);
    meeting.answerCall(finn.pid);
    expect(await probe.pushes(2)).toEqual([
      [P, [{ pid: finn.pid, mode: 0, pinfoMap: { STATE: "0" } }]],
      [I, [{ callNumber: "+8613900000006", resultCode: "0" }]],
    ]);
    expect((await call("inviteParticipant", {}, { attendees: [attendees[1]] })).body).toEqual({
      error_code: "FAKE.403000",
      error_msg: "not allowed: +8613900000006 is in the meeting or being called already",
    });
  });

  it("leaves: gone from the roster, with the vendor's leave reason for a participant with a number", async () => {
    const { meeting, realTimeInfo, channel } = await setUp();
    const bob = meeting.join({ name: "Bob", phone: "+8613900000002" });
    const probe = await channel();
    meeting.leave(bob.pid);
    expect(await probe.pushes(2)).toEqual([
      [P, [{ pid: bob.pid, mode: 1 }]],
      [I, [{ callNumber: "+8613900000002", resultCode: "11076010" }]],
    ]);
    expect((await realTimeInfo()).participants).toEqual([]);
    expect(() => meeting.leave(bob.pid)).toThrow(/pid.*is not a participant/);
  });

  it("refuses an unknown or departed pid with the vendor's USG.201040000, and changes nothing when one pid of many is refused", async () => {
    const { meeting, call, realTimeInfo } = await setUp();
    const alice = meeting.join({ name: "Alice" });
    const bob = meeting.join({ name: "Bob" });
    meeting.leave(bob.pid);
    for (const pid of ["no-such-pid", bob.pid]) {
      expect(await call("muteParticipant", { participantID: pid }, { isMute: 0 })).toEqual({
        status: 400,
        body: { error_code: "USG.201040000", error_msg: `user does not exist: ${pid}` },
      });
    }
    expect((await call("hangUp", {}, { bulkHangUpParticipants: [alice.pid, "no-such-pid"] })).status).toBe(400);
    expect((await realTimeInfo()).participants.map(({ pid }: { pid: string }) => pid)).toEqual([alice.pid]);
  });

  it('an empty number names nobody: renaming or deleting by number "" is USG.201040000, not the first one without a number', async () => {
    const { meeting, call, realTimeInfo } = await setUp();
    meeting.join({ name: "Alice" });
    const refused = { status: 400, body: { error_code: "USG.201040000", error_msg: "user does not exist" } };
    expect(await call("renameParticipant", {}, { number: "", newName: "Nobody" })).toEqual(refused);
    expect(await call("deleteAttendees", {}, { bulkDelAttendInfo: [{ number: "" }] })).toEqual(refused);
    const info = await realTimeInfo();
    expect([info.participants[0].name, info.attendees]).toEqual(["Alice", [{ name: "Alice" }]]);
  });

  it("refuses a participant who is not in the meeting itself (being called, or waiting) with FAKE.400002", async () => {
    const { meeting, call } = await setUp();
    const ringing = meeting.callOut({ name: "Gil", phone: "+8613900000007" });
    const waiting = meeting.knock({ name: "Hal" });
    expect(await call("hand", { participantID: ringing.pid }, { handsState: 1 })).toEqual({
      status: 400,
      body: { error_code: "FAKE.400002", error_msg: `participant is not in the meeting (being called or in the waiting room): ${ringing.pid}` },
    });
    expect((await call("muteParticipant", { participantID: waiting.pid }, { isMute: 1 })).body).toMatchObject({ error_code: "FAKE.400002" });
  });

  it("answers MMC.111072005 before the meeting starts and after it stops", async () => {
    const { meeting } = await setUp(false);
    expect((await requestToken(door, meeting.conferenceID)).body).toMatchObject({ error_code: "MMC.111072005" });
    meeting.start();
    const { token } = (await requestToken(door, meeting.conferenceID)).body.data;
    const stop = await control(door, operations.stopMeeting.path, { conferenceID: meeting.conferenceID }, token, { method: "PUT" });
    expect(stop.response.status).toBe(200);
    const after = await control(door, operations.lockMeeting.path, { conferenceID: meeting.conferenceID }, token, { method: "PUT", body: { isLock: 1 } });
    expect(after.response.status).toBe(400);
    expect(after.body).toEqual({ error_code: "MMC.111072005", error_msg: "meeting not started or already ended" });
  });

  it("refuses what the meeting does not allow with 403 FAKE.403000, naming why", async () => {
    const { meeting, call } = await setUp();
    const hana = meeting.join({ name: "Hana", role: "host" });
    const alice = meeting.join({ name: "Alice" });
    const refusals: [OperationId, Record<string, string>, unknown, string][] = [
      ["setCohost", { participantID: hana.pid }, { isCohost: 1 }, "the host cannot be made a co-host"],
      ["moveToWaitingRoom", {}, { participantID: hana.pid }, "the host cannot be moved to the waiting room"],
      ["setRole", { participantID: alice.pid }, { applyChair: 1 }, "another participant is the host"],
      ["setRole", { participantID: alice.pid }, { applyChair: 0 }, "the participant is not the host"],
      ["setRole", { participantID: hana.pid }, { applyChair: 1, chairmanPwd: "FAKE-wrong" }, "chairmanPwd does not match"],
    ];
    for (const [operationId, query, body, why] of refusals) {
      expect(await call(operationId, query, body)).toEqual({ status: 403, body: { error_code: "FAKE.403000", error_msg: `not allowed: ${why}` } });
    }
  });

  it("refuses to start a recording already running (FAKE.400003) and to pause one that is not (FAKE.400004)", async () => {
    const { meeting, call } = await setUp();
    expect((await call("setMmrRecord", {}, { recordType: 0 })).body).toEqual({ error_code: "FAKE.400004", error_msg: "the meeting is not being recorded" });
    expect((await call("record", {}, { isRecord: 1 })).status).toBe(200);
    expect((await call("record", {}, { isRecord: 1 })).body).toEqual({ error_code: "FAKE.400003", error_msg: "the meeting is already being recorded" });
    expect((await call("setMmrRecord", {}, { recordType: 1 })).body).toMatchObject({ error_code: "FAKE.400003" });
    expect((await call("setMmrRecord", {}, { recordType: 0 })).status).toBe(200);
    expect(meeting.conference.recState).toBe(2);
    expect((await call("setMmrRecord", {}, { recordType: 1 })).status).toBe(200);
    expect((await call("record", {}, { isRecord: 0 })).status).toBe(200);
    expect(meeting.conference.recState).toBe(0);
  });

  it("through the client's methods: mute, raise a hand, co-host and admit, each confirmed on the channel", async () => {
    const { meeting } = await setUp();
    const alice = meeting.join({ name: "Alice" });
    const carol = meeting.knock({ name: "Carol" });
    // In-process, the client's channel is the fake's WebSocket too.
    const client = mode === "fetch" ? createMeetingClient({ baseUrl: door.baseUrl, fetch: door.fetch, WebSocket: door.fake.WebSocket, maxRetries: 0 }) : door.client;
    const conf = client.conference(meeting.conferenceID, { hostPassword: HOST_PASSWORD });
    meeting.unmute(alice.pid);
    await conf.participant(alice.pid).mute();
    await conf.participant(alice.pid).raiseHand();
    await conf.participant(alice.pid).makeCohost();
    await conf.waitUntil({ participantID: alice.pid, MUTE: "1", HAND: "1", ROLE: "3" }, { timeoutMs: 2_000 });
    await conf.participant(carol.pid).admit();
    await conf.waitUntil({ participantID: carol.pid, STATE: "0" }, { timeoutMs: 2_000 });
    const info = await conf.realTimeInfo();
    expect(info.confInfo).toEqual({ chairID: "", coHosts: [alice.pid] });
    expect(info.participants?.map(({ name, mute, hand }) => [name, mute, hand])).toEqual([
      ["Alice", 1, 1],
      ["Carol", 1, 0],
    ]);
    await conf.lock();
    await conf.waitUntil({ meeting: { lock: 1 } }, { timeoutMs: 2_000 });
    await expect(conf.startRecording()).resolves.toBeUndefined();
    await expect(conf.startRecording()).rejects.toMatchObject({ status: 400, errorCode: "FAKE.400003" });
  });
});
