// conf.waitUntil() and the ready-made conditions, against the stateful fake in-process: each
// condition waits while the change has not been seen, and resolves once the fake's channel
// shows it (driven by a REST action where the fake has one, else by the fake's test drivers).
import { afterEach, describe, expect, it } from "vitest";
import { createMeetingClient, MeetingInputError, MeetingTimeoutError, ParticipantLeftError, type Conference, type WaitCondition } from "../../src/node.js";
import { createMeetingFake, type FakeMeeting } from "../../src/testing/index.js";
import { HOST_PASSWORD } from "../support/fake-helpers.js";
import { take } from "../support/event-helpers.js";

const settled = () => new Promise((resolve) => setTimeout(resolve, 30));

let stop: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

/** A conference on the fake with Alice in it, its channel open and its roster in (a stream holds it). */
async function setUp(): Promise<{ meeting: FakeMeeting; conf: Conference; alice: string }> {
  const fake = createMeetingFake({ acceptShareInvitations: true, shareDelayMs: 5 });
  const meeting = fake.addMeeting({ hostPassword: HOST_PASSWORD });
  const conf = createMeetingClient({ baseUrl: fake.baseUrl, fetch: fake.fetch, WebSocket: fake.WebSocket }).conference(meeting.conferenceID, {
    hostPassword: HOST_PASSWORD,
  });
  const alice = meeting.join({ name: "Alice" }).pid;
  const events = conf.events();
  await take(events, 2);
  stop = () => events.return();
  return { meeting, conf, alice };
}

/** Waits for `condition`, proves it is not met before `act`, then that `act` meets it. */
async function confirms(conf: Conference, condition: WaitCondition, act: () => unknown): Promise<void> {
  let done = false;
  const waiting = conf.waitUntil(condition, { timeoutMs: 5_000 }).then(() => {
    done = true;
  });
  await settled();
  expect(done, `${JSON.stringify(condition)} before the change`).toBe(false);
  await act();
  await waiting;
}

describe("conf.waitUntil() with a condition for each change the channel shows", () => {
  it("muted and unmuted (MUTE)", async () => {
    const { meeting, conf, alice } = await setUp();
    await conf.waitUntil({ participantID: alice, MUTE: "1" }, { timeoutMs: 1_000 }); // the fake's joiners start muted: at once
    await confirms(conf, { participantID: alice, MUTE: "0" }, () => meeting.participant(alice).set({ MUTE: "0" }));
    await confirms(conf, { participantID: alice, MUTE: "1" }, () => meeting.participant(alice).set({ MUTE: "1" }));
  });

  it("hand raised and lowered (HAND)", async () => {
    const { meeting, conf, alice } = await setUp();
    await confirms(conf, { participantID: alice, HAND: "1" }, () => meeting.participant(alice).set({ HAND: "1" }));
    await confirms(conf, { participantID: alice, HAND: "0" }, () => meeting.participant(alice).set({ HAND: "0" }));
  });

  it("role: host, audience, or a raw value such as a co-host's (ROLE)", async () => {
    const { meeting, conf, alice } = await setUp();
    await confirms(conf, { participantID: alice, ROLE: "1" }, () => meeting.participant(alice).set({ ROLE: "1" }));
    await confirms(conf, { participantID: alice, ROLE: "2" }, () => meeting.participant(alice).set({ ROLE: "2" }));
    await confirms(conf, { participantID: alice, ROLE: "3" }, () => meeting.participant(alice).set({ ROLE: "3" }));
    await confirms(conf, { participantID: alice, ROLE: "0" }, () => meeting.participant(alice).set({ ROLE: "0" }));
  });

  it("broadcast on and off (BROADCAST), the floor given and taken (ROLLCALL)", async () => {
    const { meeting, conf, alice } = await setUp();
    await confirms(conf, { participantID: alice, BROADCAST: "1" }, () => meeting.participant(alice).set({ BROADCAST: "1" }));
    await confirms(conf, { participantID: alice, BROADCAST: "0" }, () => meeting.participant(alice).set({ BROADCAST: "0" }));
    await confirms(conf, { participantID: alice, ROLLCALL: "1" }, () => meeting.participant(alice).set({ ROLLCALL: "1" }));
    await confirms(conf, { participantID: alice, ROLLCALL: "0" }, () => meeting.participant(alice).set({ ROLLCALL: "0" }));
  });

  it("a rename (NAME)", async () => {
    const { meeting, conf, alice } = await setUp();
    await confirms(conf, { participantID: alice, NAME: "Alice B." }, () => meeting.participant(alice).set({ NAME: "Alice B." }));
    expect((await conf.realTimeInfo()).participants?.find((participant) => participant.pid === alice)?.name).toBe("Alice B.");
  });

  it('a call-out answered (STATE "1" being called, then "0" in the meeting), by pid or by who it is', async () => {
    const { meeting, conf } = await setUp();
    const carol = meeting.callOut({ name: "Carol" });
    await conf.waitUntil((state) => state.participants.get(carol.pid)?.STATE === "1", { timeoutMs: 5_000 });
    const byName = conf.waitUntil((state) => [...state.participants.values()].some((participant) => participant.NAME === "Carol" && participant.STATE === "0"), {
      timeoutMs: 5_000,
      description: "Carol in the meeting",
    });
    await confirms(conf, { participantID: carol.pid, STATE: "0" }, () => meeting.participant(carol.pid).set({ STATE: "0" }));
    await byName;
  });

  it("a call-out's result by number (InviteResultNotify): success resolves, failure rejects with CallFailedError and the vendor's code", async () => {
    const { meeting, conf } = await setUp();
    const raw = conf.events({ types: ["unknown"] });
    const first = raw.next(); // joins the channel now
    const dave = meeting.callOut({ name: "Dave", phone: "+8657100000001" });
    await confirms(conf, { callNumber: "+8657100000001" }, () => meeting.participant(dave.pid).set({ STATE: "0" }));
    // The frame itself is passed on as it came (valid against asyncapi.yaml, or the fake would have thrown).
    expect(await first).toMatchObject({ value: { type: "unknown", frame: { action: "InviteResultNotify", data: [{ callNumber: "+8657100000001", resultCode: "0" }] } } });
    await raw.return();
    const erin = meeting.callOut({ name: "Erin", phone: "+8657100000002" });
    const waiting = conf.waitUntil({ callNumber: erin.phone }, { timeoutMs: 5_000 });
    await settled();
    meeting.participant(erin.pid).failCall("11111003");
    await expect(waiting).rejects.toMatchObject({ name: "CallFailedError", callNumber: "+8657100000002", code: "11111003" });
    await conf.waitUntil({ participantID: erin.pid, left: true }, { timeoutMs: 5_000 });
  });

  it("a participant who left, or was hung up", async () => {
    const { meeting, conf, alice } = await setUp();
    await confirms(conf, { participantID: alice, left: true }, () => meeting.leave(alice));
  });

  it("sharing, after inviteToShare (SHARE)", async () => {
    const { conf, alice } = await setUp();
    await confirms(conf, { participantID: alice, SHARE: "1" }, () => conf.inviteToShare(alice));
    await confirms(conf, { participantID: alice, SHARE: "0" }, () => conf.cancelShareInvitation(alice));
  });

  it("the meeting locked and unlocked, sharing locked and unlocked, through updateStartedConfConfig", async () => {
    const { conf } = await setUp();
    await confirms(conf, { meeting: { lock: 1 } }, () => conf.updateSettings({ isLock: 1 }));
    await confirms(conf, { meeting: { lock: 0 } }, () => conf.updateSettings({ isLock: 0 }));
    await confirms(conf, { meeting: { lockSharing: 1 } }, () => conf.lockSharing());
    await confirms(conf, { meeting: { lockSharing: 0 } }, () => conf.unlockSharing());
  });

  it("everyone muted, recording, and the waiting room, on and off", async () => {
    const { meeting, conf } = await setUp();
    await confirms(conf, { meeting: { mute: 1 } }, () => meeting.setStatus({ mute: 1 }));
    await confirms(conf, { meeting: { mute: 0 } }, () => meeting.setStatus({ mute: 0 }));
    await confirms(conf, { meeting: { recState: 1 } }, () => meeting.setStatus({ recState: 1 }));
    await confirms(conf, { meeting: { recState: 0 } }, () => meeting.setStatus({ recState: 0 }));
    await confirms(conf, { meeting: { waitingRoomState: 1 } }, () => meeting.setStatus({ waitingRoomState: 1 }));
    await confirms(conf, { meeting: { waitingRoomState: 0 } }, () => meeting.setStatus({ waitingRoomState: 0 }));
  });

  it("any function of the state: resolves at once when it already holds", async () => {
    const { meeting, conf } = await setUp();
    await conf.waitUntil((state) => state.synced && state.participants.size === 1, { timeoutMs: 1_000 });
    await confirms(conf, { description: "two participants", holds: (state) => state.participants.size === 2 }, () => meeting.join({ name: "Bob" }));
  });
});

describe("conf.waitUntil() when the condition is not met", () => {
  it("rejects with MeetingTimeoutError saying what was not seen", async () => {
    const { conf, alice } = await setUp();
    const error = await conf.waitUntil({ participantID: alice, MUTE: "0" }, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeetingTimeoutError);
    expect((error as Error).message).toBe(`participant ${alice} MUTE "0": not seen within 200 ms`);
    const described = await conf.waitUntil(() => false, { timeoutMs: 100, description: "the impossible" }).catch((e: unknown) => e);
    expect((described as Error).message).toBe("the impossible: not seen within 100 ms");
    const meetingWide = await conf.waitUntil({ meeting: { recState: 1, lock: 1 } }, { timeoutMs: 100 }).catch((e: unknown) => e);
    expect((meetingWide as Error).message).toBe('meeting recState "1" lock "1": not seen within 100 ms');
    const several = await conf.waitUntil({ participantID: alice, MUTE: "0", HAND: "1" }, { timeoutMs: 100 }).catch((e: unknown) => e);
    expect((several as Error).message).toBe(`participant ${alice} MUTE "0" HAND "1": not seen within 100 ms`);
  });

  it("rejects with ParticipantLeftError for a participant not in the meeting, or who leaves while awaited", async () => {
    const { meeting, conf, alice } = await setUp();
    await expect(conf.waitUntil({ participantID: "nobody", MUTE: "0" }, { timeoutMs: 5_000 })).rejects.toBeInstanceOf(ParticipantLeftError);
    const waiting = conf.waitUntil({ participantID: alice, HAND: "1" }, { timeoutMs: 5_000 });
    await settled();
    meeting.leave(alice);
    await expect(waiting).rejects.toMatchObject({ name: "ParticipantLeftError", participantID: alice });
  });

  it("rejects with the predicate's own error when it throws, and with the reason on abort", async () => {
    const { conf, alice } = await setUp();
    const broken = new Error("broken predicate");
    await expect(
      conf.waitUntil(() => {
        throw broken;
      }),
    ).rejects.toBe(broken);
    const controller = new AbortController();
    const waiting = conf.waitUntil({ participantID: alice, MUTE: "0" }, { signal: controller.signal });
    controller.abort(new Error("no longer needed"));
    await expect(waiting).rejects.toThrow("no longer needed");
  });

  it("refuses what is not a condition, and bad options, naming them", async () => {
    const { conf } = await setUp();
    await expect(conf.waitUntil(42 as never)).rejects.toMatchObject({ name: "MeetingInputError", message: expect.stringMatching(/^condition/) });
    await expect(conf.waitUntil({ holds: () => true } as never)).rejects.toMatchObject({ message: expect.stringMatching(/^condition\.description/) });
    await expect(conf.waitUntil({ participantID: "p1" })).rejects.toMatchObject({ message: expect.stringMatching(/at least one pinfoMap value/) });
    await expect(conf.waitUntil({ participantID: "p1", MUTE: 1 } as never)).rejects.toMatchObject({ message: expect.stringMatching(/^condition\.MUTE/) });
    await expect(conf.waitUntil({ participantID: "p1", left: false } as never)).rejects.toMatchObject({ message: expect.stringMatching(/^condition\.left/) });
    await expect(conf.waitUntil({ meeting: {} })).rejects.toMatchObject({ message: expect.stringMatching(/^condition\.meeting/) });
    await expect(conf.waitUntil({ meeting: { lock: true } } as never)).rejects.toMatchObject({ message: expect.stringMatching(/^condition\.meeting\.lock/) });
    await expect(conf.waitUntil(() => true, { description: "" })).rejects.toBeInstanceOf(MeetingInputError);
    await expect(conf.waitUntil(() => true, { timeoutMs: 0 })).rejects.toMatchObject({ message: expect.stringMatching(/options\.timeoutMs/) });
  });
});

describe("the fake's participant and status drivers", () => {
  it("refuses keys it does not set and values the channel would not carry", async () => {
    const { meeting, alice } = await setUp();
    expect(() => meeting.participant(alice).set({ SHARE: "1" } as never)).toThrow(MeetingInputError);
    expect(() => meeting.participant(alice).set({ MUTE: "2" })).toThrow(/fields\.MUTE/);
    expect(() => meeting.participant(alice).set({ NAME: "" })).toThrow(/fields\.NAME/);
    expect(() => meeting.participant("nobody")).toThrow(MeetingInputError);
    expect(() => meeting.setStatus({ lock: 1 } as never)).toThrow(/fields\.lock/);
    expect(() => meeting.setStatus({ mute: 2 as never })).toThrow(/fields\.mute/);
  });

  it("shows MUTE, HAND and NAME changes in realTimeInfo too", async () => {
    const { meeting, conf, alice } = await setUp();
    meeting.participant(alice).set({ MUTE: "0", HAND: "1", NAME: "Al" });
    const [participant] = (await conf.realTimeInfo()).participants ?? [];
    expect(participant).toMatchObject({ pid: alice, name: "Al", mute: 0, hand: 1 });
  });
});
