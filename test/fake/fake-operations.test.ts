// Every operation of openapi.yaml over plain HTTP against the fake, in both modes: its answer,
// what showRealTimeInfoOfMeeting shows afterwards, and exactly the pushes a subscribed channel receives.
import { afterEach, describe, expect, it } from "vitest";
import { operations } from "../../src/generated/validators.js";
import type { FakeMeeting, OperationId } from "../../src/testing/index.js";
import { subscribe, type Push } from "../support/fake-channel-probe.js";
import { control, HOST_PASSWORD, modes, PATHS, requestToken, type Door } from "../support/fake-helpers.js";

const P = "ParticipantsNotify";
const C = "ConfDynamicInfoNotify";
const W = "WaitingListNotify";
const I = "InviteResultNotify";
const BOB_PHONE = "+8613900000002";

interface Cast {
  meeting: FakeMeeting;
  hana: string;
  alice: string;
  bob: string;
  /** A control call by operationId, with the meeting's conferenceID added to `query`. */
  call: (operationId: OperationId, query?: Record<string, string>, body?: unknown) => Promise<{ status: number; body: unknown }>;
  realTimeInfo: () => Promise<any>;
}

interface Case {
  /** Set-up before the channel subscribes (its pushes are not counted). */
  before?: (cast: Cast) => Promise<void> | void;
  request: (cast: Cast) => [query: Record<string, string>, body?: unknown];
  /** The pushes the call causes, in order. */
  pushes: (cast: Cast) => Push[];
  /** What the meeting shows afterwards. */
  shows?: (cast: Cast, info: any) => void;
}

let endTimeBefore = 0;
const participant = (info: any, pid: string) => info.participants.find((one: { pid: string }) => one.pid === pid);

const cases: Partial<Record<OperationId, Case>> = {
  muteParticipant: {
    request: ({ alice }) => [{ participantID: alice }, { isMute: 0 }],
    pushes: ({ alice }) => [[P, [{ pid: alice, mode: 0, pinfoMap: { MUTE: "0" } }]]],
    shows: ({ alice }, info) => expect(participant(info, alice).mute).toBe(0),
  },
  muteMeeting: {
    before: ({ meeting, alice }) => meeting.unmute(alice),
    request: () => [{}, { isMute: 1, allowUnmuteByOneself: 0 }],
    pushes: ({ alice }) => [
      [P, [{ pid: alice, mode: 0, pinfoMap: { MUTE: "1" } }]],
      [C, { mute: 1 }],
      [C, { canUnmute: 0 }],
    ],
    shows: ({ hana, alice, bob }, info) => expect([hana, alice, bob].map((pid) => participant(info, pid).mute)).toEqual([0, 1, 1]),
  },
  allowGuestUnmute: {
    request: () => [{}, { allowUnmuteByOneself: 0 }],
    pushes: () => [[C, { canUnmute: 0 }]],
    shows: ({ meeting }) => expect(meeting.settings.allowUnmuteByOneself).toBe(0),
  },
  inviteOperateVideo: {
    request: ({ alice }) => [{ participantID: alice }, { status: 0 }],
    pushes: ({ alice }) => [[P, [{ pid: alice, mode: 0, pinfoMap: { VIDEO: "1" } }]]],
    shows: ({ alice }, info) => expect(participant(info, alice).video).toBe(1),
  },
  hand: {
    request: ({ alice }) => [{ participantID: alice }, { handsState: 1 }],
    pushes: ({ alice }) => [[P, [{ pid: alice, mode: 0, pinfoMap: { HAND: "1" } }]]],
    shows: ({ alice }, info) => expect(participant(info, alice).hand).toBe(1),
  },
  batchHand: {
    request: ({ alice, bob }) => [{}, { handsState: 1, pids: [alice, bob] }],
    pushes: ({ alice, bob }) => [
      [P, [{ pid: alice, mode: 0, pinfoMap: { HAND: "1" } }]],
      [P, [{ pid: bob, mode: 0, pinfoMap: { HAND: "1" } }]],
    ],
    shows: ({ alice, bob }, info) => expect([participant(info, alice).hand, participant(info, bob).hand]).toEqual([1, 1]),
  },
  setCohost: {
    request: ({ alice }) => [{ participantID: alice }, { isCohost: 1 }],
    pushes: ({ alice }) => [[P, [{ pid: alice, mode: 0, pinfoMap: { ROLE: "3" } }]]],
    shows: ({ hana, alice }, info) => expect(info.confInfo).toEqual({ chairID: hana, coHosts: [alice] }),
  },
  setRole: {
    before: ({ call, hana }) => call("setRole", { participantID: hana }, { applyChair: 0 }).then(({ status }) => expect(status).toBe(200)),
    request: ({ alice }) => [{ participantID: alice }, { applyChair: 1, chairmanPwd: HOST_PASSWORD }],
    pushes: ({ alice }) => [[P, [{ pid: alice, mode: 0, pinfoMap: { ROLE: "1" } }]]],
    shows: ({ alice }, info) => expect(info.confInfo).toEqual({ chairID: alice, coHosts: [] }),
  },
  renameParticipant: {
    request: ({ alice }) => [{}, { participantID: alice, number: "", newName: "Alicia" }],
    pushes: ({ alice }) => [[P, [{ pid: alice, mode: 0, pinfoMap: { NAME: "Alicia" } }]]],
    shows: ({ alice }, info) => expect(participant(info, alice).name).toBe("Alicia"),
  },
  broadcastParticipant: {
    request: ({ alice }) => [{ participantID: alice }],
    pushes: ({ alice }) => [
      [P, [{ pid: alice, mode: 0, pinfoMap: { BROADCAST: "1" } }]],
      [C, { mode: "BROADCAST" }],
    ],
  },
  cancelBroadcast: {
    before: ({ call, alice }) => call("broadcastParticipant", { participantID: alice }).then(({ status }) => expect(status).toBe(200)),
    request: () => [{}],
    pushes: ({ alice }) => [
      [P, [{ pid: alice, mode: 0, pinfoMap: { BROADCAST: "0" } }]],
      [C, { mode: "FREE" }],
    ],
  },
  rollcallParticipant: {
    request: ({ alice }) => [{ participantID: alice }],
    pushes: ({ alice }) => [
      [P, [{ pid: alice, mode: 0, pinfoMap: { ROLLCALL: "1", MUTE: "0" } }]],
      [C, { mode: "ROLLCALL" }],
    ],
    shows: ({ alice }, info) => expect(participant(info, alice).mute).toBe(0),
  },
  hangUp: {
    request: ({ bob }) => [{}, { bulkHangUpParticipants: [bob] }],
    pushes: ({ bob }) => [
      [P, [{ pid: bob, mode: 1 }]],
      [I, [{ callNumber: BOB_PHONE, resultCode: "11076002" }]],
    ],
    shows: ({ hana, alice }, info) => expect(info.participants.map(({ pid }: { pid: string }) => pid)).toEqual([hana, alice]),
  },
  lockMeeting: { request: () => [{}, { isLock: 1 }], pushes: () => [[C, { lock: 1 }]] },
  updateStartedConfConfig: { request: () => [{}, { lockSharing: 1, chatPermission: 2 }], pushes: () => [[C, { lockSharing: 1 }]] },
  pauseConference: {
    request: () => [{}, { pause: 1 }],
    pushes: () => [[C, { pause: 1 }]],
    shows: ({ meeting }) => expect(meeting.conference.pause).toBe(1),
  },
  prolongMeeting: {
    before: ({ meeting }) => {
      endTimeBefore = meeting.conference.endTime;
    },
    request: () => [{}, { auto: 0, duration: 30 }],
    pushes: () => [[C, { endTime: String(endTimeBefore + 30 * 60_000) }]],
    shows: ({ meeting }) => expect(meeting.conference.endTime).toBe(endTimeBefore + 30 * 60_000),
  },
  record: { request: () => [{}, { isRecord: 1 }], pushes: () => [[C, { recState: 1 }]] },
  setMmrRecord: {
    before: ({ call }) => call("setMmrRecord", {}, { recordType: 1 }).then(({ status }) => expect(status).toBe(200)),
    request: () => [{}, { recordType: 0 }],
    pushes: () => [[C, { recState: 2 }]],
  },
  live: { request: () => [{}, { isLive: 1 }], pushes: () => [[C, { liveState: 1 }]] },
  setMmrLive: { request: () => [{}, { liveState: 1 }], pushes: () => [[C, { liveState: 1 }]] },
  allowAudienceJoin: { request: () => [{}, { allowAudience: 1 }], pushes: () => [[C, { allowAudience: 1 }]] },
  moveToWaitingRoom: {
    request: ({ alice }) => [{}, { participantID: alice }],
    pushes: ({ alice }) => [
      [P, [{ pid: alice, mode: 1 }]],
      [W, [{ pid: alice, name: "Alice", mode: 0 }]],
    ],
    shows: ({ meeting, alice }, info) => {
      expect(participant(info, alice)).toBeUndefined();
      expect(meeting.waiting.map(({ pid }) => pid)).toEqual([alice]);
    },
  },
  batchMoveToWaitingRoom: {
    request: ({ alice, bob }) => [{}, { batchParticipants: [alice, bob] }],
    pushes: ({ alice, bob }) => [
      [P, [{ pid: alice, mode: 1 }]],
      [W, [{ pid: alice, name: "Alice", mode: 0 }]],
      [P, [{ pid: bob, mode: 1 }]],
      [W, [{ pid: bob, name: "Bob", mode: 0 }]],
    ],
    shows: ({ hana }, info) => expect(info.participants.map(({ pid }: { pid: string }) => pid)).toEqual([hana]),
  },
  allowWaitingParticipant: {
    before: ({ meeting }) => {
      meeting.knock({ name: "Carol" });
    },
    request: ({ meeting }) => [{}, { participantID: meeting.waiting[0]!.pid }],
    pushes: ({ meeting }) => {
      const carol = meeting.participants.find(({ name }) => name === "Carol")!.pid;
      return [
        [W, [{ pid: carol, name: "Carol", mode: 1 }]],
        [P, [{ pid: carol, mode: 0, pinfoMap: expect.objectContaining({ NAME: "Carol", STATE: "0", ROLE: "0", MUTE: "1" }) }]],
      ];
    },
    shows: (_cast, info) => expect(info.participants.map(({ name }: { name: string }) => name)).toEqual(["Hana", "Alice", "Bob", "Carol"]),
  },
  inviteParticipant: {
    before: ({ meeting }) => meeting.answerCallOuts("answer"),
    request: () => [{}, { attendees: [{ name: "Dan", phone: "+8613900000004", type: "normal" }] }],
    pushes: ({ meeting }) => {
      const dan = meeting.participants.find(({ name }) => name === "Dan")!.pid;
      return [
        [P, [{ pid: dan, mode: 0, pinfoMap: expect.objectContaining({ NAME: "Dan", TEL: "+8613900000004", STATE: "1" }) }]],
        [P, [{ pid: dan, mode: 0, pinfoMap: { STATE: "0" } }]],
        [I, [{ callNumber: "+8613900000004", resultCode: "0" }]],
      ];
    },
    shows: (_cast, info) => {
      expect(info.participants.at(-1)).toMatchObject({ name: "Dan", phone: "+8613900000004", state: 0 });
      expect(info.attendees.at(-1)).toEqual({ name: "Dan", phone: "+8613900000004" });
    },
  },
  deleteAttendees: {
    request: () => [{}, { bulkDelAttendInfo: [{ number: BOB_PHONE }] }],
    pushes: () => [],
    shows: (_cast, info) => expect(info.attendees).toEqual([{ name: "Hana" }, { name: "Alice" }]),
  },
  allowClientRecord: {
    request: ({ alice }) => [{ participantID: alice }, { allowClientRecord: 1 }],
    pushes: () => [],
    shows: ({ meeting, alice }) => expect(meeting.details(alice)?.clientRecord).toBe(1),
  },
  switchMode: { request: () => [{}, { switchMode: "Fixed", imageType: 0 }], pushes: () => [[C, { mode: "FIXED" }]] },
  stopMeeting: {
    request: () => [{}],
    pushes: () => [[C, { state: "Destroyed" }]],
  },
};

/** Operations whose effect nothing shows but the fake's memory: the body they sent. */
const remembered: Partial<Record<OperationId, (cast: Cast) => [Record<string, string>, unknown]>> = {
  setMultiPicture: () => [{}, { manualSet: 1, imageType: "Two", subscriberInPics: [{ index: 1, subscriber: ["+8613900000001"] }] }],
  setCustomMultiPicture: () => [{}, { manualSet: 0 }],
  setHostView: ({ alice }) => [{}, { viewType: 2, participantID: alice }],
  setParticipantView: ({ alice, bob }) => [{ participantID: alice }, { viewType: 2, participantID: bob }],
  lockView: ({ alice, bob }) => [{ participantID: alice }, { status: 1, participantID: bob }],
  setInterpreterGroup: () => [{}, { interpreterGroups: [{ groupID: "g1", firstLanguage: "zh-CN", secondLanguage: "en-US" }] }],
  resumeSimultaneousInterpretation: () => [{}, { simultaneousInterpretation: 1 }],
  setAttendeeLanChannel: ({ alice }) => [{}, { participantIDs: [alice], listenLanChannel: "en-US", speakLanChannel: "zh-CN" }],
};

describe.each(Object.entries(modes))("every operation on the fake, %s mode", (mode, open) => {
  let door: Door;
  let closeChannel: (() => void) | undefined;
  afterEach(async () => {
    closeChannel?.();
    await door?.close();
  });

  const setUp = async (): Promise<Cast> => {
    door = await open();
    const meeting = door.fake.addMeeting({ hostPassword: HOST_PASSWORD });
    const hana = meeting.join({ name: "Hana", role: "host" }).pid;
    const alice = meeting.join({ name: "Alice" }).pid;
    const bob = meeting.join({ name: "Bob", phone: BOB_PHONE }).pid;
    const { token } = (await requestToken(door, meeting.conferenceID)).body.data;
    const call: Cast["call"] = async (operationId, query = {}, body = undefined) => {
      const { method, path } = operations[operationId];
      const { response, body: answer } = await control(door, path, { conferenceID: meeting.conferenceID, ...query }, token, { method, body });
      return { status: response.status, body: answer };
    };
    const realTimeInfo = async () => (await control(door, PATHS.realTimeInfo, { conferenceID: meeting.conferenceID }, token)).body;
    return { meeting, hana, alice, bob, call, realTimeInfo, token } as Cast & { token: string };
  };

  it("the table covers every operation that changes something, and the rest are remembered or read", () => {
    const read = ["createConfToken", "showRealTimeInfoOfMeeting", "createWebSocketToken", "inviteShare", "saveLayout", "showLayout", "deleteLayout"];
    expect([...Object.keys(cases), ...Object.keys(remembered), ...read].sort()).toEqual(Object.keys(operations).sort());
  });

  for (const [operationId, { before, request, pushes, shows }] of Object.entries(cases) as [OperationId, Case][]) {
    it(`${operationId} answers 200, changes the meeting and pushes exactly what changed`, async () => {
      const cast = await setUp();
      await before?.(cast);
      const channel = await subscribe(door, mode, cast.meeting.conferenceID, (cast as Cast & { token: string }).token);
      closeChannel = channel.close;
      const [query, body] = request(cast);
      const answer = await cast.call(operationId, query, body);
      expect(answer).toEqual({ status: 200, body: undefined });
      const expected = pushes(cast);
      expect(await channel.pushes(expected.length)).toEqual(expected);
      if (operationId === "stopMeeting") {
        expect(await cast.realTimeInfo()).toMatchObject({ error_code: "MMC.111072005" });
        return;
      }
      shows?.(cast, await cast.realTimeInfo());
    });
  }

  for (const [operationId, request] of Object.entries(remembered) as [OperationId, (cast: Cast) => [Record<string, string>, unknown]][]) {
    it(`${operationId} answers 200, pushes nothing and is remembered as sent`, async () => {
      const cast = await setUp();
      const channel = await subscribe(door, mode, cast.meeting.conferenceID, (cast as Cast & { token: string }).token);
      closeChannel = channel.close;
      const [query, body] = request(cast);
      expect(await cast.call(operationId, query, body)).toEqual({ status: 200, body: undefined });
      expect(await channel.pushes(0)).toEqual([]);
      expect(cast.meeting.remembered(operationId)).toEqual(body);
    });
  }

  it("saveLayout saves, showLayout reads back, deleteLayout removes; an unknown uuID is refused", async () => {
    const { call } = await setUp();
    const layout = { layOutName: "Speaker and content", imageType: "Two", picNum: 2, subscriberInPics: [{ index: 1, id: ["+8613900000001"], share: 0 }] };
    expect(await call("saveLayout", {}, { restPicLayout: layout })).toEqual({ status: 200, body: undefined });
    const shown = await call("showLayout");
    expect(shown).toEqual({ status: 200, body: { returnCode: 0, returnDesc: "SUCCESS", picLayouts: [{ ...layout, uuid: expect.any(String) }] } });
    const { uuid } = (shown.body as { picLayouts: { uuid: string }[] }).picLayouts[0]!;
    expect(await call("saveLayout", {}, { restPicLayout: { ...layout, uuid, picNum: 1 } })).toEqual({ status: 200, body: undefined });
    expect(((await call("showLayout")).body as { picLayouts: unknown[] }).picLayouts).toEqual([{ ...layout, uuid, picNum: 1 }]);
    expect(await call("deleteLayout", { uuID: uuid })).toEqual({ status: 200, body: undefined });
    expect(((await call("showLayout")).body as { picLayouts: unknown[] }).picLayouts).toEqual([]);
    expect(await call("deleteLayout", { uuID: uuid })).toEqual({ status: 400, body: { error_code: "FAKE.400005", error_msg: `no saved layout has this uuID: ${uuid}` } });
  });
});
