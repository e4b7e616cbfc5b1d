// Every generated facade method, called through the client against the fake, in both modes:
// the one request it sends (the journal), its answer, exactly the events `conf.events()`
// delivers (the waiting room's included), and what the meeting shows afterwards
// (`conf.realTimeInfo()`, or the fake's memory for what nothing else shows). The list of methods
// comes from the generated operation table, so a method added to the spec without a case here
// fails the first test.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ConferenceMethods, ParticipantMethods } from "../../src/generated/facade.js";
import { operations } from "../../src/generated/operations.js";
import {
  BadRequestError,
  createMeetingClient,
  MeetingEndedError,
  PermissionDeniedError,
  type CallOptions,
  type Conference,
  type MeetingApiError,
  type MeetingClient,
  type RealTimeInfo,
} from "../../src/node.js";
import type { FakeMeeting, OperationId } from "../../src/testing/index.js";
import { recordEvents, type Seen } from "../support/client-events.js";
import { HOST_PASSWORD, modes, type Door } from "../support/fake-helpers.js";

type Method = (typeof operations)[keyof typeof operations]["facade"][number]["method"];
type Callable<M extends Method> = M extends `participant.${infer N extends keyof ParticipantMethods<CallOptions>}`
  ? ParticipantMethods<CallOptions>[N]
  : M extends `conference.${infer N extends keyof ConferenceMethods<CallOptions>}`
    ? ConferenceMethods<CallOptions>[N]
    : never;

/** The facade methods of the generated table, each with the operation it sends. */
const table = Object.entries(operations).flatMap(([operationId, { method, path, facade }]) =>
  facade.map(({ method: name }) => ({ name: name as Method, operationId: operationId as OperationId, method, path })),
);

const BOB_PHONE = "+8613900000002";
const DAN_PHONE = "+8613900000004";
const GHOST = "f".repeat(32);
const LAYOUT = { layOutName: "Speaker and content", imageType: "Two", picNum: 2, switchTime: 10, subscriberInPics: [{ index: 1, id: ["+8613900000001"], share: 0 as const }] };
const JOINED = { TEL: "", ROLE: "0", STATE: "0", HAND: "0", BROADCAST: "0", ROLLCALL: "0", SHARE: "0", ADDTIME: expect.stringMatching(/^\d+$/), MUTE: "1", VIDEO: "0" };

interface Cast {
  meeting: FakeMeeting;
  conf: Conference;
  hana: string;
  alice: string;
  bob: string;
  /** When the meeting was due to end when the case began. */
  endTime: number;
  /** Values a case's `before` found (pids of those who knock, a saved layout's uuid). */
  memo: Record<string, string>;
}

interface Case<M extends Method> {
  /** Set-up before the events are recorded. */
  before?: (cast: Cast) => Promise<unknown> | unknown;
  /** The participant whose handle a `participant.*` method is called on. Default: Alice. */
  on?: (cast: Cast) => string;
  args: (cast: Cast) => Parameters<Callable<M>>;
  /** What the call resolves with. Default: `undefined`. */
  answer?: (cast: Cast) => Awaited<ReturnType<Callable<M>>>;
  /** Waited for after the call, before the events are taken: a change the fake makes later. */
  awaits?: (cast: Cast) => Promise<void>;
  /** Exactly the events `conf.events()` delivers because of the call, in order. */
  events: (cast: Cast) => Seen[];
  /** What the meeting shows afterwards; `ended` is how the event stream ended, if it has. */
  shows?: (cast: Cast, ended: { error: unknown } | undefined) => Promise<void> | void;
}

const updated = (pid: string, fields: Record<string, string>): Seen => ["participantUpdated", pid, fields];
const meetingUpdated = (fields: Record<string, unknown>): Seen => ["meetingUpdated", fields];
const one = (info: RealTimeInfo, pid: string) => info.participants?.find((participant) => participant.pid === pid);
const fieldOf = async ({ conf }: Cast, field: "mute" | "hand" | "video" | "name", ...pids: string[]) => {
  const info = await conf.realTimeInfo();
  return pids.map((pid) => one(info, pid)?.[field]);
};

const cases: { [M in Method]: Case<M> } = {
  "participant.inviteToShare": {
    args: () => [],
    // The fake is made with acceptShareInvitations: the invited participant starts sharing.
    awaits: ({ conf, alice }) => conf.waitUntilSharing(alice, { timeoutMs: 10_000 }),
    events: ({ alice }) => [updated(alice, { SHARE: "1" }), ["shareStarted", alice]],
    shows: ({ meeting, alice }) => expect(meeting.details(alice)).toMatchObject({ sharing: true, invited: false }),
  },
  "participant.cancelShareInvitation": {
    before: ({ meeting, alice }) => meeting.startSharing(alice),
    args: () => [],
    events: ({ alice }) => [updated(alice, { SHARE: "0" }), ["shareStopped", alice]],
    shows: ({ meeting, alice }) => expect(meeting.details(alice)).toMatchObject({ sharing: false, invited: false }),
  },
  "conference.realTimeInfo": {
    args: () => [],
    answer: ({ hana, alice, bob }) => ({
      attendees: [{ name: "Hana" }, { name: "Alice" }, { name: "Bob", phone: BOB_PHONE }],
      participants: [
        { pid: hana, name: "Hana", phone: "", state: 0, video: 0, mute: 0, hand: 0 },
        { pid: alice, name: "Alice", phone: "", state: 0, video: 0, mute: 1, hand: 0 },
        { pid: bob, name: "Bob", phone: BOB_PHONE, state: 0, video: 0, mute: 1, hand: 0 },
      ],
      confInfo: { chairID: hana, coHosts: [] },
    }),
    events: () => [],
  },
  "conference.updateSettings": {
    args: () => [{ lockSharing: 1, isLock: 1, allowUnmuteByOneself: 0, callInRestriction: 2, chatPermission: 2, allowRename: 0 }],
    events: () => [meetingUpdated({ lockSharing: 1, lock: 1, canUnmute: 0, callInRestriction: 2 })],
    shows: ({ meeting }) =>
      expect(meeting.settings).toEqual({
        lockSharing: 1,
        freeShare: 0,
        isLock: 1,
        callInRestriction: 2,
        audienceCallInRestriction: 0,
        allowUnmuteByOneself: 0,
        chatPermission: 2,
        allowOpenCamera: 1,
        allowRename: 0,
        clientRecMode: 0,
      }),
  },
  "conference.lockSharing": {
    args: () => [],
    events: () => [meetingUpdated({ lockSharing: 1 })],
    shows: ({ meeting, alice }) => {
      expect(meeting.settings.lockSharing).toBe(1);
      expect(() => meeting.startSharing(alice)).toThrow(/sharing is locked/);
    },
  },
  "conference.unlockSharing": {
    before: ({ conf }) => conf.lockSharing(),
    args: () => [],
    events: () => [meetingUpdated({ lockSharing: 0 })],
    shows: ({ meeting, alice }) => {
      expect(meeting.settings.lockSharing).toBe(0);
      meeting.startSharing(alice);
      expect(meeting.details(alice)?.sharing).toBe(true);
    },
  },
  "conference.inviteParticipants": {
    before: ({ meeting }) => meeting.answerCallOuts("answer"),
    args: () => [[{ name: "Dan", phone: DAN_PHONE, type: "normal" }]],
    events: ({ meeting }) => {
      const dan = meeting.participants.find(({ name }) => name === "Dan")!.pid;
      return [
        ["participantJoined", dan, { ...JOINED, NAME: "Dan", TEL: DAN_PHONE, STATE: "1" }],
        updated(dan, { STATE: "0" }),
        ["InviteResultNotify", [{ callNumber: DAN_PHONE, resultCode: "0" }]],
      ];
    },
    shows: async ({ conf, meeting }) => {
      const dan = meeting.participants.find(({ name }) => name === "Dan")!.pid;
      const info = await conf.realTimeInfo();
      expect(info.participants?.at(-1)).toEqual({ pid: dan, name: "Dan", phone: DAN_PHONE, state: 0, video: 0, mute: 1, hand: 0 });
      expect(info.attendees?.at(-1)).toEqual({ name: "Dan", phone: DAN_PHONE });
    },
  },
  "conference.hangUp": {
    args: ({ bob }) => [[bob]],
    events: ({ bob }) => [
      ["participantLeft", bob],
      ["InviteResultNotify", [{ callNumber: BOB_PHONE, resultCode: "11076002" }]],
    ],
    shows: async ({ conf, hana, alice }) => expect((await conf.realTimeInfo()).participants?.map(({ pid }) => pid)).toEqual([hana, alice]),
  },
  "participant.rename": {
    args: () => [{ number: "", newName: "Alicia" }],
    events: ({ alice }) => [updated(alice, { NAME: "Alicia" })],
    shows: async (cast) => expect(await fieldOf(cast, "name", cast.alice)).toEqual(["Alicia"]),
  },
  "conference.removeAttendees": {
    args: () => [[{ number: BOB_PHONE }]],
    events: () => [],
    shows: async ({ conf, hana, alice, bob }) => {
      const info = await conf.realTimeInfo();
      expect(info.attendees).toEqual([{ name: "Hana" }, { name: "Alice" }]);
      // Off the list, still in the meeting.
      expect(info.participants?.map(({ pid }) => pid)).toEqual([hana, alice, bob]);
    },
  },
  "participant.mute": {
    before: ({ meeting, alice }) => meeting.unmute(alice),
    args: () => [],
    events: ({ alice }) => [updated(alice, { MUTE: "1" })],
    shows: async (cast) => expect(await fieldOf(cast, "mute", cast.alice)).toEqual([1]),
  },
  "participant.unmute": {
    args: () => [],
    events: ({ alice }) => [updated(alice, { MUTE: "0" })],
    shows: async (cast) => expect(await fieldOf(cast, "mute", cast.alice, cast.bob)).toEqual([0, 1]),
  },
  "conference.muteAll": {
    before: ({ meeting, alice }) => meeting.unmute(alice),
    args: () => [{ allowUnmuteByOneself: 0 }],
    events: ({ alice }) => [updated(alice, { MUTE: "1" }), meetingUpdated({ mute: 1 }), meetingUpdated({ canUnmute: 0 })],
    shows: async (cast) => {
      // The host stays unmuted, as the vendor's "mute all" leaves the host and co-hosts.
      expect(await fieldOf(cast, "mute", cast.hana, cast.alice, cast.bob)).toEqual([0, 1, 1]);
      expect(cast.meeting.settings.allowUnmuteByOneself).toBe(0);
    },
  },
  "conference.unmuteAll": {
    before: ({ conf }) => conf.muteAll(),
    args: () => [],
    events: ({ alice, bob }) => [updated(alice, { MUTE: "0" }), updated(bob, { MUTE: "0" }), meetingUpdated({ mute: 0 })],
    shows: async (cast) => expect(await fieldOf(cast, "mute", cast.hana, cast.alice, cast.bob)).toEqual([0, 0, 0]),
  },
  "conference.allowSelfUnmute": {
    before: ({ conf }) => conf.forbidSelfUnmute(),
    args: () => [],
    events: () => [meetingUpdated({ canUnmute: 1 })],
    shows: ({ meeting, alice }) => {
      meeting.unmute(alice);
      expect(meeting.details(alice)?.mute).toBe(0);
    },
  },
  "conference.forbidSelfUnmute": {
    args: () => [],
    events: () => [meetingUpdated({ canUnmute: 0 })],
    shows: ({ meeting, alice }) => expect(() => meeting.unmute(alice)).toThrow(/does not let participants unmute themselves/),
  },
  "participant.askToStartVideo": {
    args: () => [],
    events: ({ alice }) => [updated(alice, { VIDEO: "1" })],
    shows: async (cast) => expect(await fieldOf(cast, "video", cast.alice)).toEqual([1]),
  },
  "participant.askToStopVideo": {
    before: ({ conf, alice }) => conf.participant(alice).askToStartVideo(),
    args: () => [],
    events: ({ alice }) => [updated(alice, { VIDEO: "0" })],
    shows: async (cast) => expect(await fieldOf(cast, "video", cast.alice)).toEqual([0]),
  },
  "participant.applyForHost": {
    before: ({ conf, hana }) => conf.participant(hana).releaseHost(),
    args: () => [{ chairmanPwd: HOST_PASSWORD }],
    events: ({ alice }) => [updated(alice, { ROLE: "1" })],
    shows: async ({ conf, alice }) => expect((await conf.realTimeInfo()).confInfo).toEqual({ chairID: alice, coHosts: [] }),
  },
  "participant.releaseHost": {
    on: ({ hana }) => hana,
    args: () => [],
    events: ({ hana }) => [updated(hana, { ROLE: "0" })],
    shows: async ({ conf }) => expect((await conf.realTimeInfo()).confInfo).toEqual({ chairID: "", coHosts: [] }),
  },
  "participant.makeCohost": {
    args: () => [],
    events: ({ alice }) => [updated(alice, { ROLE: "3" })],
    shows: async ({ conf, hana, alice }) => expect((await conf.realTimeInfo()).confInfo).toEqual({ chairID: hana, coHosts: [alice] }),
  },
  "participant.revokeCohost": {
    before: ({ conf, alice }) => conf.participant(alice).makeCohost(),
    args: () => [],
    events: ({ alice }) => [updated(alice, { ROLE: "0" })],
    shows: async ({ conf, hana }) => expect((await conf.realTimeInfo()).confInfo).toEqual({ chairID: hana, coHosts: [] }),
  },
  "participant.raiseHand": {
    args: () => [],
    events: ({ alice }) => [updated(alice, { HAND: "1" })],
    shows: async (cast) => expect(await fieldOf(cast, "hand", cast.alice, cast.bob)).toEqual([1, 0]),
  },
  "participant.lowerHand": {
    before: ({ meeting, alice, bob }) => {
      meeting.raiseHand(alice);
      meeting.raiseHand(bob);
    },
    args: () => [],
    events: ({ alice }) => [updated(alice, { HAND: "0" })],
    shows: async (cast) => expect(await fieldOf(cast, "hand", cast.alice, cast.bob)).toEqual([0, 1]),
  },
  "conference.raiseHands": {
    args: ({ alice, bob }) => [[alice, bob]],
    events: ({ alice, bob }) => [updated(alice, { HAND: "1" }), updated(bob, { HAND: "1" })],
    shows: async (cast) => expect(await fieldOf(cast, "hand", cast.hana, cast.alice, cast.bob)).toEqual([0, 1, 1]),
  },
  "conference.lowerHands": {
    before: ({ meeting, hana, alice, bob }) => {
      for (const pid of [hana, alice, bob]) meeting.raiseHand(pid);
    },
    args: ({ alice, bob }) => [[alice, bob]],
    events: ({ alice, bob }) => [updated(alice, { HAND: "0" }), updated(bob, { HAND: "0" })],
    shows: async (cast) => expect(await fieldOf(cast, "hand", cast.hana, cast.alice, cast.bob)).toEqual([1, 0, 0]),
  },
  "participant.rollCall": {
    args: () => [],
    // Given the floor: heard (unmuted) as well.
    events: ({ alice }) => [updated(alice, { ROLLCALL: "1", MUTE: "0" }), meetingUpdated({ mode: "ROLLCALL" })],
    shows: async (cast) => {
      expect(await fieldOf(cast, "mute", cast.alice)).toEqual([0]);
      expect(cast.meeting.details(cast.alice)).toMatchObject({ rollcall: 1, broadcast: 0 });
    },
  },
  "participant.broadcast": {
    args: () => [],
    events: ({ alice }) => [updated(alice, { BROADCAST: "1" }), meetingUpdated({ mode: "BROADCAST" })],
    shows: ({ meeting, alice }) => {
      expect(meeting.details(alice)).toMatchObject({ broadcast: 1, rollcall: 0 });
      expect(meeting.conference.mode).toBe("BROADCAST");
    },
  },
  "conference.cancelBroadcast": {
    before: ({ conf, alice }) => conf.participant(alice).broadcast(),
    args: () => [],
    events: ({ alice }) => [updated(alice, { BROADCAST: "0" }), meetingUpdated({ mode: "FREE" })],
    shows: ({ meeting, alice }) => {
      expect(meeting.details(alice)?.broadcast).toBe(0);
      expect(meeting.conference.mode).toBe("FREE");
    },
  },
  "conference.lock": {
    args: () => [],
    events: () => [meetingUpdated({ lock: 1 })],
    shows: ({ meeting }) => expect(meeting.settings.isLock).toBe(1),
  },
  "conference.unlock": {
    before: ({ conf }) => conf.lock(),
    args: () => [],
    events: () => [meetingUpdated({ lock: 0 })],
    shows: ({ meeting }) => expect(meeting.settings.isLock).toBe(0),
  },
  "conference.pause": {
    args: () => [],
    events: () => [meetingUpdated({ pause: 1 })],
    shows: ({ meeting }) => expect(meeting.conference.pause).toBe(1),
  },
  "conference.resume": {
    before: ({ conf }) => conf.pause(),
    args: () => [],
    events: () => [meetingUpdated({ pause: 0 })],
    shows: ({ meeting }) => expect(meeting.conference.pause).toBe(0),
  },
  "conference.prolong": {
    args: () => [{ auto: 0, duration: 30 }],
    events: ({ endTime }) => [meetingUpdated({ endTime: String(endTime + 30 * 60_000) })],
    shows: ({ meeting, endTime }) => expect(meeting.conference.endTime).toBe(endTime + 30 * 60_000),
  },
  "conference.stop": {
    args: () => [],
    events: () => [meetingUpdated({ state: "Destroyed" })],
    shows: async ({ conf, meeting }, ended) => {
      expect(ended?.error).toBeInstanceOf(MeetingEndedError);
      expect(ended?.error).toMatchObject({ conferenceID: meeting.conferenceID });
      const error = await conf.realTimeInfo().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).toMatchObject({ status: 400, errorCode: "MMC.111072005", errorMsg: "meeting not started or already ended" });
    },
  },
  "conference.allowAudience": {
    args: () => [],
    events: () => [meetingUpdated({ allowAudience: 1 })],
    shows: ({ meeting }) => expect(meeting.conference.allowAudience).toBe(1),
  },
  "participant.admit": {
    before: ({ meeting, memo }) => {
      memo.carol = meeting.knock({ name: "Carol" }).pid;
      memo.dora = meeting.knock({ name: "Dora" }).pid;
    },
    on: ({ memo }) => memo.carol!,
    args: () => [],
    events: ({ memo: { carol } }) => [
      ["waitingLeft", carol],
      ["participantJoined", carol, { ...JOINED, NAME: "Carol" }],
    ],
    shows: async ({ conf, meeting, memo }) => {
      expect((await conf.realTimeInfo()).participants?.map(({ name }) => name)).toEqual(["Hana", "Alice", "Bob", "Carol"]);
      expect(meeting.waiting.map(({ pid }) => pid)).toEqual([memo.dora]);
    },
  },
  "conference.admitAll": {
    before: ({ meeting, memo }) => {
      memo.carol = meeting.knock({ name: "Carol" }).pid;
      memo.dora = meeting.knock({ name: "Dora" }).pid;
    },
    args: () => [],
    events: ({ memo: { carol, dora } }) => [
      ["waitingLeft", carol],
      ["participantJoined", carol, { ...JOINED, NAME: "Carol" }],
      ["waitingLeft", dora],
      ["participantJoined", dora, { ...JOINED, NAME: "Dora" }],
    ],
    shows: async ({ conf, meeting }) => {
      expect((await conf.realTimeInfo()).participants?.map(({ name }) => name)).toEqual(["Hana", "Alice", "Bob", "Carol", "Dora"]);
      expect(meeting.waiting).toEqual([]);
    },
  },
  "participant.moveToWaitingRoom": {
    args: () => [],
    events: ({ alice }) => [
      ["participantLeft", alice],
      ["waitingJoined", alice, { pid: alice, name: "Alice" }],
    ],
    shows: async ({ conf, meeting, hana, alice, bob }) => {
      expect((await conf.realTimeInfo()).participants?.map(({ pid }) => pid)).toEqual([hana, bob]);
      expect(meeting.waiting.map(({ pid }) => pid)).toEqual([alice]);
    },
  },
  "conference.moveToWaitingRoom": {
    args: ({ alice, bob }) => [[alice, bob]],
    events: ({ alice, bob }) => [
      ["participantLeft", alice],
      ["waitingJoined", alice, { pid: alice, name: "Alice" }],
      ["participantLeft", bob],
      ["waitingJoined", bob, { pid: bob, name: "Bob" }],
    ],
    shows: async ({ conf, meeting, hana, alice, bob }) => {
      expect((await conf.realTimeInfo()).participants?.map(({ pid }) => pid)).toEqual([hana]);
      expect(meeting.waiting.map(({ pid }) => pid)).toEqual([alice, bob]);
    },
  },
  "conference.startRecording": {
    args: () => [],
    events: () => [meetingUpdated({ recState: 1 })],
    shows: ({ meeting }) => expect(meeting.conference.recState).toBe(1),
  },
  "conference.stopRecording": {
    before: ({ conf }) => conf.startRecording(),
    args: () => [],
    events: () => [meetingUpdated({ recState: 0 })],
    shows: ({ meeting }) => expect(meeting.conference.recState).toBe(0),
  },
  "conference.startLive": {
    args: () => [],
    events: () => [meetingUpdated({ liveState: 1 })],
    shows: ({ meeting }) => expect(meeting.conference.liveState).toBe(1),
  },
  "conference.stopLive": {
    before: ({ conf }) => conf.startLive(),
    args: () => [],
    events: () => [meetingUpdated({ liveState: 0 })],
    shows: ({ meeting }) => expect(meeting.conference.liveState).toBe(0),
  },
  "conference.startMmrRecording": {
    args: () => [],
    events: () => [meetingUpdated({ recState: 1 })],
    shows: ({ meeting }) => expect(meeting.conference.recState).toBe(1),
  },
  "conference.pauseMmrRecording": {
    before: ({ conf }) => conf.startMmrRecording(),
    args: () => [],
    events: () => [meetingUpdated({ recState: 2 })],
    shows: ({ meeting }) => expect(meeting.conference.recState).toBe(2),
  },
  "conference.stopMmrRecording": {
    before: ({ conf }) => conf.startMmrRecording(),
    args: () => [],
    events: () => [meetingUpdated({ recState: 0 })],
    shows: ({ meeting }) => expect(meeting.conference.recState).toBe(0),
  },
  "conference.startMmrLive": {
    args: () => [],
    events: () => [meetingUpdated({ liveState: 1 })],
    shows: ({ meeting }) => expect(meeting.conference.liveState).toBe(1),
  },
  "conference.stopMmrLive": {
    before: ({ conf }) => conf.startMmrLive(),
    args: () => [],
    events: () => [meetingUpdated({ liveState: 0 })],
    shows: ({ meeting }) => expect(meeting.conference.liveState).toBe(0),
  },
  "participant.allowLocalRecording": {
    args: () => [],
    events: () => [],
    shows: ({ meeting, alice, bob }) => expect([meeting.details(alice)?.clientRecord, meeting.details(bob)?.clientRecord]).toEqual([1, 0]),
  },
  "participant.revokeLocalRecording": {
    before: ({ conf, alice }) => conf.participant(alice).allowLocalRecording(),
    args: () => [],
    events: () => [],
    shows: ({ meeting, alice }) => expect(meeting.details(alice)?.clientRecord).toBe(0),
  },
  "conference.setMultiPicture": {
    args: () => [{ manualSet: 1, imageType: "Two", subscriberInPics: [{ index: 1, subscriber: ["+8613900000001"], isAssistStream: 0 }], switchTime: 10 }],
    events: () => [],
    shows: ({ meeting }) =>
      expect(meeting.remembered("setMultiPicture")).toEqual({
        manualSet: 1,
        imageType: "Two",
        subscriberInPics: [{ index: 1, subscriber: ["+8613900000001"], isAssistStream: 0 }],
        switchTime: 10,
      }),
  },
  "conference.setCustomMultiPicture": {
    args: () => [
      {
        manualSet: 1,
        imageType: "Three-2",
        picLayoutInfo: { x: 2, y: 2, subPicLayoutInfoList: [{ id: 1, left: 0, top: 0, xSize: 2, ySize: 1 }] },
        subscriberInPics: [{ index: 1, subscriber: ["+8613900000001"] }],
        multiPicSaveOnly: false,
      },
    ],
    events: () => [],
    shows: ({ meeting }) =>
      expect(meeting.remembered("setCustomMultiPicture")).toEqual({
        manualSet: 1,
        imageType: "Three-2",
        picLayoutInfo: { x: 2, y: 2, subPicLayoutInfoList: [{ id: 1, left: 0, top: 0, xSize: 2, ySize: 1 }] },
        subscriberInPics: [{ index: 1, subscriber: ["+8613900000001"] }],
        multiPicSaveOnly: false,
      }),
  },
  "conference.switchMode": {
    args: () => [{ switchMode: "Fixed", imageType: 0 }],
    events: () => [meetingUpdated({ mode: "FIXED" })],
    shows: ({ meeting }) => {
      expect(meeting.conference.mode).toBe("FIXED");
      expect(meeting.remembered("switchMode")).toEqual({ switchMode: "Fixed", imageType: 0 });
    },
  },
  "conference.setHostView": {
    args: ({ alice }) => [{ viewType: 2, participantID: alice, switchTime: 10 }],
    events: () => [],
    shows: ({ meeting, alice }) => expect(meeting.remembered("setHostView")).toEqual({ viewType: 2, participantID: alice, switchTime: 10 }),
  },
  "participant.view": {
    args: ({ bob }) => [bob],
    events: () => [],
    shows: ({ meeting, bob }) => expect(meeting.remembered("setParticipantView")).toEqual({ viewType: 2, participantID: bob }),
  },
  "participant.lockView": {
    args: ({ bob }) => [bob],
    events: () => [],
    shows: ({ meeting, bob }) => expect(meeting.remembered("lockView")).toEqual({ status: 1, participantID: bob }),
  },
  "participant.unlockView": {
    before: ({ conf, alice, bob }) => conf.participant(alice).lockView(bob),
    args: ({ bob }) => [bob],
    events: () => [],
    shows: ({ meeting, bob }) => expect(meeting.remembered("lockView")).toEqual({ status: 0, participantID: bob }),
  },
  "conference.layouts": {
    before: ({ conf }) => conf.saveLayout(LAYOUT),
    args: () => [],
    answer: () => ({ returnCode: 0, returnDesc: "SUCCESS", picLayouts: [{ ...LAYOUT, uuid: expect.stringMatching(/^[0-9a-f]{32}$/) }] }),
    events: () => [],
  },
  "conference.saveLayout": {
    args: () => [LAYOUT],
    events: () => [],
    shows: async ({ conf }) => {
      const { picLayouts } = await conf.layouts();
      expect(picLayouts).toEqual([{ ...LAYOUT, uuid: expect.stringMatching(/^[0-9a-f]{32}$/) }]);
      // Saved again with its uuid, it replaces itself.
      await conf.saveLayout({ ...picLayouts![0], picNum: 1 });
      expect((await conf.layouts()).picLayouts).toEqual([{ ...picLayouts![0], picNum: 1 }]);
    },
  },
  "conference.deleteLayout": {
    before: async ({ conf, memo }) => {
      await conf.saveLayout(LAYOUT);
      await conf.saveLayout({ ...LAYOUT, layOutName: "Gallery" });
      memo.uuid = (await conf.layouts()).picLayouts![0]!.uuid!;
    },
    args: ({ memo }) => [memo.uuid!],
    events: () => [],
    shows: async ({ conf }) => expect((await conf.layouts()).picLayouts?.map(({ layOutName }) => layOutName)).toEqual(["Gallery"]),
  },
  "conference.setInterpreterGroups": {
    args: () => [[{ groupID: "g1", firstLanguage: "zh-CN", secondLanguage: "en-US" }]],
    events: () => [],
    shows: ({ meeting }) => expect(meeting.remembered("setInterpreterGroup")).toEqual({ interpreterGroups: [{ groupID: "g1", firstLanguage: "zh-CN", secondLanguage: "en-US" }] }),
  },
  "conference.startInterpretation": {
    args: () => [],
    events: () => [],
    shows: ({ meeting }) => expect(meeting.remembered("resumeSimultaneousInterpretation")).toEqual({ simultaneousInterpretation: 1 }),
  },
  "conference.stopInterpretation": {
    before: ({ conf }) => conf.startInterpretation(),
    args: () => [],
    events: () => [],
    shows: ({ meeting }) => expect(meeting.remembered("resumeSimultaneousInterpretation")).toEqual({ simultaneousInterpretation: 0 }),
  },
  "conference.setLanguageChannels": {
    args: ({ alice }) => [{ participantIDs: [alice], listenLanChannel: "en-US", speakLanChannel: "zh-CN", includeOriginalVoice: 1 }],
    events: () => [],
    shows: ({ meeting, alice }) =>
      expect(meeting.remembered("setAttendeeLanChannel")).toEqual({ participantIDs: [alice], listenLanChannel: "en-US", speakLanChannel: "zh-CN", includeOriginalVoice: 1 }),
  },
};

/** Calls `name` (`participant.mute`, `conference.lock`) on its handle. */
function invoke(conf: Conference, name: Method, pid: string, args: readonly unknown[]): Promise<unknown> {
  const [handle, method] = name.split(".") as [string, string];
  const target = (handle === "participant" ? conf.participant(pid) : conf) as unknown as Record<string, (...args: readonly unknown[]) => Promise<unknown>>;
  return target[method]!(...args);
}

/** `error` is a `Class` (a `MeetingApiError`) with these fields. */
function expectApiError(error: unknown, Class: typeof BadRequestError | typeof PermissionDeniedError, fields: Partial<Pick<MeetingApiError, "status" | "errorCode" | "errorMsg">>) {
  expect(error).toBeInstanceOf(Class);
  expect(error).toMatchObject(fields);
}

it("every facade method of the generated operation table has a case here, and no case names another", () => {
  const methods = table.map(({ name }) => name).sort();
  expect(Object.keys(cases).sort()).toEqual(methods);
});

describe.each(Object.entries(modes))("every facade method through the client against the fake, %s mode", (mode, open) => {
  let door: Door;
  let client: MeetingClient;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    // Invited participants accept at once: inviteToShare shows as a share on the channel.
    door = await open({ acceptShareInvitations: true, shareDelayMs: 0 });
    // In-process, the client's channel is the fake's WebSocket too.
    client = mode === "fetch" ? createMeetingClient({ baseUrl: door.baseUrl, fetch: door.fetch, WebSocket: door.fake.WebSocket, maxRetries: 0 }) : door.client;
  });
  afterEach(async () => {
    await close?.();
    close = undefined;
  });
  afterAll(() => door?.close());

  /** A fresh meeting on the one fake: Hana the host, Alice, and Bob who has a number. */
  const setUp = (): Cast => {
    const meeting = door.fake.addMeeting({ hostPassword: HOST_PASSWORD });
    const hana = meeting.join({ name: "Hana", role: "host" }).pid;
    const alice = meeting.join({ name: "Alice" }).pid;
    const bob = meeting.join({ name: "Bob", phone: BOB_PHONE }).pid;
    const conf = client.conference(meeting.conferenceID, { hostPassword: HOST_PASSWORD });
    return { meeting, conf, hana, alice, bob, endTime: meeting.conference.endTime, memo: {} };
  };

  for (const { name, operationId, method, path } of table) {
    const { before, on, args, answer, awaits, events, shows } = cases[name] as Case<Method>;
    it(`${name} sends one ${operationId}, answers as typed, and the channel and the meeting show what it changed`, async () => {
      const cast = setUp();
      await before?.(cast);
      const recorder = await recordEvents(cast.conf, cast.meeting);
      close = recorder.close;
      const sent = door.fake.journal.length;
      const answered = await invoke(cast.conf, name, on?.(cast) ?? cast.alice, args(cast));
      expect(door.fake.journal.slice(sent)).toEqual([{ operationId, method, path, status: 200, violations: [] }]);
      expect(answered).toEqual(answer?.(cast));
      await awaits?.(cast);
      expect(await recorder.settle()).toEqual(events(cast));
      await shows?.(cast, recorder.ended);
    });
  }

  it("conf.inviteToShare(pid) and conf.cancelShareInvitation(pid), the conveniences, do what the participant handle's methods do", async () => {
    const cast = setUp();
    const recorder = await recordEvents(cast.conf, cast.meeting);
    close = recorder.close;
    await cast.conf.inviteToShare(cast.alice);
    await cast.conf.waitUntilSharing(cast.alice, { timeoutMs: 10_000 });
    await cast.conf.cancelShareInvitation(cast.alice);
    expect(await recorder.settle()).toEqual([updated(cast.alice, { SHARE: "1" }), ["shareStarted", cast.alice], updated(cast.alice, { SHARE: "0" }), ["shareStopped", cast.alice]]);
    expect(cast.meeting.details(cast.alice)).toMatchObject({ sharing: false, invited: false });
  });

  describe("each family's refusal, as the fake gives it, is a typed MeetingApiError", () => {
    it("a participant handle on an unknown pid: BadRequestError with the vendor's USG.201040000", async () => {
      const { conf } = setUp();
      const error = await conf
        .participant(GHOST)
        .mute()
        .catch((e: unknown) => e);
      expectApiError(error, BadRequestError, { status: 400, errorCode: "USG.201040000", errorMsg: `user does not exist: ${GHOST}` });
    });

    it("a batch naming one unknown pid is refused whole: nobody's hand is raised", async () => {
      const cast = setUp();
      const error = await cast.conf.raiseHands([cast.alice, GHOST]).catch((e: unknown) => e);
      expectApiError(error, BadRequestError, { status: 400, errorCode: "USG.201040000", errorMsg: `user does not exist: ${GHOST}` });
      expect(await fieldOf(cast, "hand", cast.alice)).toEqual([0]);
    });

    it("roles: the host made a co-host, or a wrong host password, is PermissionDeniedError; the password is in no error", async () => {
      const { conf, hana, alice } = setUp();
      const cohost = await conf
        .participant(hana)
        .makeCohost()
        .catch((e: unknown) => e);
      expectApiError(cohost, PermissionDeniedError, { status: 403, errorCode: "FAKE.403000", errorMsg: "not allowed: the host cannot be made a co-host" });
      await conf.participant(hana).releaseHost();
      const wrong = "FAKE-wrong-host-password";
      const apply = await conf
        .participant(alice)
        .applyForHost({ chairmanPwd: wrong })
        .catch((e: unknown) => e);
      expectApiError(apply, PermissionDeniedError, { status: 403, errorCode: "FAKE.403000", errorMsg: "not allowed: chairmanPwd does not match" });
      expect(JSON.stringify({ message: String(apply), ...(apply as object) })).not.toContain(wrong);
      expect((await conf.realTimeInfo()).confInfo).toEqual({ chairID: "", coHosts: [] });
    });

    it("recording: starting twice, or pausing what is not recorded, is BadRequestError with the fake's code", async () => {
      const { conf, meeting } = setUp();
      await conf.startRecording();
      const twice = await conf.startRecording().catch((e: unknown) => e);
      expectApiError(twice, BadRequestError, { status: 400, errorCode: "FAKE.400003", errorMsg: "the meeting is already being recorded" });
      await conf.stopRecording();
      const pause = await conf.pauseMmrRecording().catch((e: unknown) => e);
      expectApiError(pause, BadRequestError, { status: 400, errorCode: "FAKE.400004", errorMsg: "the meeting is not being recorded" });
      expect(meeting.conference.recState).toBe(0);
    });

    it("the waiting room: admitting someone not waiting, or moving the host there, is refused", async () => {
      const { conf, meeting, hana, alice } = setUp();
      const admit = await conf
        .participant(alice)
        .admit()
        .catch((e: unknown) => e);
      expectApiError(admit, BadRequestError, { status: 400, errorCode: "FAKE.400006", errorMsg: `participant is not in the waiting room: ${alice}` });
      const move = await conf.moveToWaitingRoom([alice, hana]).catch((e: unknown) => e);
      expectApiError(move, PermissionDeniedError, { status: 403, errorCode: "FAKE.403000", errorMsg: "not allowed: the host cannot be moved to the waiting room" });
      expect(meeting.waiting).toEqual([]);
    });

    it("call-outs: calling a number already in the meeting is PermissionDeniedError, sent once (never repeated)", async () => {
      const { conf, meeting } = setUp();
      await conf.realTimeInfo();
      const sent = door.fake.journal.length;
      const error = await conf.inviteParticipants([{ name: "Bob again", phone: BOB_PHONE, type: "normal" }]).catch((e: unknown) => e);
      expectApiError(error, PermissionDeniedError, { status: 403, errorCode: "FAKE.403000", errorMsg: `not allowed: ${BOB_PHONE} is in the meeting or being called already` });
      expect(door.fake.journal.slice(sent).map(({ operationId, status }) => [operationId, status])).toEqual([["inviteParticipant", 403]]);
      expect(meeting.participants.map(({ name }) => name)).toEqual(["Hana", "Alice", "Bob"]);
    });

    it("sharing: inviting someone still being called to share is BadRequestError FAKE.400002", async () => {
      const { conf, meeting } = setUp();
      const eve = meeting.callOut({ name: "Eve" }).pid;
      const error = await conf.inviteToShare(eve).catch((e: unknown) => e);
      expectApiError(error, BadRequestError, {
        status: 400,
        errorCode: "FAKE.400002",
        errorMsg: `participant is not in the meeting (being called or in the waiting room): ${eve}`,
      });
    });

    it("the meeting's time: prolonging by 0 minutes is BadRequestError FAKE.400000, and the end time stays", async () => {
      const { conf, meeting, endTime } = setUp();
      const error = await conf.prolong({ auto: 0, duration: 0 }).catch((e: unknown) => e);
      expectApiError(error, BadRequestError, {
        status: 400,
        errorCode: "FAKE.400000",
        errorMsg: "request does not match openapi.yaml: /body/duration: must be a positive number of minutes",
      });
      expect(meeting.conference.endTime).toBe(endTime);
    });

    it("layouts: deleting an unknown uuID is BadRequestError FAKE.400005", async () => {
      const { conf } = setUp();
      const error = await conf.deleteLayout("no-such-layout").catch((e: unknown) => e);
      expectApiError(error, BadRequestError, { status: 400, errorCode: "FAKE.400005", errorMsg: "no saved layout has this uuID: no-such-layout" });
    });

    it("views: locking a view on an unknown participant, or a view of an unknown terminal (the handle's pid), is refused, and nothing is remembered", async () => {
      const { conf, meeting, alice } = setUp();
      const locked = await conf
        .participant(alice)
        .lockView(GHOST)
        .catch((e: unknown) => e);
      expectApiError(locked, BadRequestError, { status: 400, errorCode: "USG.201040000", errorMsg: `user does not exist: ${GHOST}` });
      const viewed = await conf
        .participant(GHOST)
        .view(alice)
        .catch((e: unknown) => e);
      expectApiError(viewed, BadRequestError, { status: 400, errorCode: "USG.201040000", errorMsg: `user does not exist: ${GHOST}` });
      expect([meeting.remembered("lockView"), meeting.remembered("setParticipantView")]).toEqual([undefined, undefined]);
    });

    it("attendees: an empty number names nobody, not the first attendee without a number; the list stays whole", async () => {
      const { conf, alice } = setUp();
      const removed = await conf.removeAttendees([{ number: "" }]).catch((e: unknown) => e);
      expectApiError(removed, BadRequestError, { status: 400, errorCode: "USG.201040000", errorMsg: "user does not exist" });
      expect((await conf.realTimeInfo()).attendees).toEqual([{ name: "Hana" }, { name: "Alice" }, { name: "Bob", phone: BOB_PHONE }]);
      // By participantID, one without a number is found.
      await conf.removeAttendees([{ number: "", participantID: alice }]);
      expect((await conf.realTimeInfo()).attendees).toEqual([{ name: "Hana" }, { name: "Bob", phone: BOB_PHONE }]);
    });

    it("interpretation: language channels for an unknown participant are refused, and nothing is remembered", async () => {
      const { conf, meeting } = setUp();
      const error = await conf.setLanguageChannels({ participantIDs: [GHOST], listenLanChannel: "en-US", speakLanChannel: "zh-CN" }).catch((e: unknown) => e);
      expectApiError(error, BadRequestError, { status: 400, errorCode: "USG.201040000", errorMsg: `user does not exist: ${GHOST}` });
      expect(meeting.remembered("setAttendeeLanChannel")).toBeUndefined();
    });
  });
});
