// The REST handlers, by operationId, as plain data: each reads the validated request, changes
// the state and returns the answer's body, or refuses with one of the codes. Every operation of
// openapi.yaml has one (the type says so); the state announces each change to the channels.
import type { operations as Operations } from "../generated/schema.js";
import { codes, refuse } from "./codes.js";
import {
  admit,
  callOut,
  changeSettings,
  end,
  fakeId,
  issue,
  LEFT_BY_HOST,
  leave,
  listed,
  moveToWaitingRoom,
  startSharing,
  stopSharing,
  TOKEN_LIFETIME_MS,
  update,
  updateConference,
  valid,
  WS_TOKEN_LIFETIME_MS,
  type MeetingRecord,
  type ParticipantState,
  type State,
} from "./state.js";
import { operations, type OperationId } from "./request-rules.js";

export interface Call {
  state: State;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
  /** The channel's address prefix for this caller: `wss://meeting-fake.invalid` in-process, `ws://127.0.0.1:<port>` over loopback. */
  wsURL: string;
  acceptShareInvitations: boolean;
  shareDelayMs: number;
}

type Answer<K extends OperationId> = Operations[K]["responses"][200] extends { content: { "application/json": infer B } } ? B : undefined;
type Body<K extends OperationId> = NonNullable<Operations[K]["requestBody"]> extends { content: { "application/json": infer B } } ? B : never;

// The vendor documents no body for a successful control operation: answer `{}` only if the spec declares one.
const done = <K extends OperationId>(operationId: K) => ((operations[operationId].responses as Record<string, string>)["200"] === "json" ? {} : undefined) as Answer<K>;
export type Handlers = { [K in OperationId]: (call: Call) => Answer<K> };

const bodyOf = <K extends OperationId>(call: Call, _operationId: K) => call.body as Body<K>;

/** The meeting named by `conferenceID`, in progress, or the vendor's refusal. */
function meetingOf({ state, query }: Call): MeetingRecord {
  const meeting = state.meetings.get(query.conferenceID as string) ?? refuse(codes.noSuchConference);
  if (!meeting.started || meeting.ended) refuse(codes.notStarted);
  return meeting;
}

/** The meeting, for a caller holding a valid meeting-control token for it. */
function authorized(call: Call): MeetingRecord {
  const meeting = meetingOf(call);
  if (!valid(call.state, call.state.tokens, call.headers["X-Conference-Authorization"], meeting.conferenceID)) refuse(codes.tokenRefused);
  return meeting;
}

/** A participant listed in the meeting (in it or being called): an unknown or departed pid is the vendor's "user does not exist". */
function listedOne(meeting: MeetingRecord, pid: unknown): ParticipantState {
  const participant = typeof pid === "string" ? meeting.participants.get(pid) : undefined;
  if (!participant || participant.place === "gone") return refuse(codes.noSuchParticipant, String(pid));
  if (participant.place === "waiting") return refuse(codes.notPresent, String(pid));
  return participant;
}

/** A participant in the meeting itself, not being called. */
function presentOne(meeting: MeetingRecord, pid: unknown): ParticipantState {
  const participant = listedOne(meeting, pid);
  if (participant.place !== "meeting") refuse(codes.notPresent, String(pid));
  return participant;
}

/** Every pid named, checked before any is changed, so a refused request changes nothing. */
const everyOne = (meeting: MeetingRecord, pids: readonly string[], pick = listedOne) => pids.map((pid) => pick(meeting, pid));

const onlineOnes = (meeting: MeetingRecord) => [...meeting.participants.values()].filter(listed);
/** Whether `number` is the participant's: everyone without a number has "", so an empty number names nobody. */
const numberOf = (participant: ParticipantState, number: string) => number !== "" && participant.phone === number;
const moderator = (participant: ParticipantState) => participant.role === "host" || participant.role === "cohost";

/** Remembers the body of an operation that nothing else shows, for a test to read back. */
function remember(call: Call, operationId: OperationId): MeetingRecord {
  const meeting = authorized(call);
  meeting.remembered.set(operationId, call.body ?? null);
  return meeting;
}

export const handlers: Handlers = {
  createConfToken(call) {
    const { state, headers } = call;
    const meeting = meetingOf(call);
    // A still-valid token renews without the password (the vendor's rule); otherwise the password
    // decides, and without one the refusal names what failed: the token sent, or the missing password.
    const renewing = valid(state, state.tokens, headers["X-Conference-Authorization"], meeting.conferenceID);
    if (!renewing) {
      if (headers["X-Password"] === undefined) refuse(headers["X-Conference-Authorization"] === undefined ? codes.noPassword : codes.tokenRefused);
      if (headers["X-Password"] !== meeting.hostPassword) refuse(codes.wrongPassword);
    }
    const expireTime = state.clock.now() + TOKEN_LIFETIME_MS;
    return {
      data: {
        token: issue(state.tokens, "FAKE-token-", meeting.conferenceID, expireTime, state.clock.now()),
        tmpWsToken: issue(state.wsTokens, "FAKE-ws-", meeting.conferenceID, state.clock.now() + WS_TOKEN_LIFETIME_MS, state.clock.now()),
        wsURL: call.wsURL,
        role: 1,
        expireTime,
        userID: "FAKE-user",
        orgID: "FAKE-org",
        confTokenExpireTime: TOKEN_LIFETIME_MS / 1000,
        vmrCurrentConfID: "",
        supportNotifyType: ["ConfDynamicInfoNotify", "ParticipantsNotify", "WaitingListNotify", "InviteResultNotify"],
      },
    };
  },

  showRealTimeInfoOfMeeting(call) {
    const meeting = authorized(call);
    const everyone = [...meeting.participants.values()];
    const online = everyone.filter(listed);
    return {
      attendees: everyone.filter(({ attendee }) => attendee).map(({ name, phone }) => (phone ? { name, phone } : { name })),
      participants: online.map(({ pid, name, phone, place, mute, video, hand }) => ({ pid, name, phone, state: place === "calling" ? 1 : 0, video, mute, hand })),
      confInfo: {
        chairID: online.find(({ role }) => role === "host")?.pid ?? "",
        coHosts: online.filter(({ role }) => role === "cohost").map(({ pid }) => pid),
      },
    };
  },

  createWebSocketToken(call) {
    const meeting = authorized(call);
    const now = call.state.clock.now();
    return { webSocketToken: issue(call.state.wsTokens, "FAKE-ws-", meeting.conferenceID, now + WS_TOKEN_LIFETIME_MS, now) };
  },

  inviteShare(call) {
    const meeting = authorized(call);
    const participant = presentOne(meeting, call.query.participantID);
    if (bodyOf(call, "inviteShare").share === 0) {
      participant.invited = false;
      stopSharing(meeting, participant);
      return done("inviteShare");
    }
    participant.invited = true;
    if (call.acceptShareInvitations) {
      const timer = setTimeout(() => {
        if (participant.invited && participant.place === "meeting" && !meeting.ended) startSharing(meeting, participant);
      }, call.shareDelayMs);
      (timer as { unref?: () => void }).unref?.();
    }
    return done("inviteShare");
  },

  updateStartedConfConfig(call) {
    changeSettings(authorized(call), bodyOf(call, "updateStartedConfConfig"));
    return done("updateStartedConfConfig");
  },

  inviteParticipant(call) {
    const meeting = authorized(call);
    const { attendees } = bodyOf(call, "inviteParticipant");
    const busy = attendees.find(({ phone }) => onlineOnes(meeting).some((participant) => participant.phone === phone));
    if (busy) refuse(codes.notAllowed, `${busy.phone} is in the meeting or being called already`);
    for (const { name, phone, role } of attendees) callOut(call.state, meeting, { name, phone, role });
    return done("inviteParticipant");
  },

  hangUp(call) {
    const meeting = authorized(call);
    for (const participant of everyOne(meeting, bodyOf(call, "hangUp").bulkHangUpParticipants)) leave(meeting, participant, LEFT_BY_HOST);
    return done("hangUp");
  },

  renameParticipant(call) {
    const meeting = authorized(call);
    const { participantID, number, newName } = bodyOf(call, "renameParticipant");
    const participant =
      participantID === undefined ? (onlineOnes(meeting).find((one) => numberOf(one, number)) ?? refuse(codes.noSuchParticipant, number)) : listedOne(meeting, participantID);
    update(meeting, participant, { name: newName });
    return done("renameParticipant");
  },

  deleteAttendees(call) {
    const meeting = authorized(call);
    const named = bodyOf(call, "deleteAttendees").bulkDelAttendInfo.map(({ number, participantID }) => {
      const match = [...meeting.participants.values()].find((one) => one.attendee && (participantID === undefined ? numberOf(one, number) : one.pid === participantID));
      return match ?? refuse(codes.noSuchParticipant, participantID ?? number);
    });
    for (const attendee of named) {
      attendee.attendee = false;
      // An attendee still being called is called no more; one in the meeting stays.
      if (attendee.place === "calling") leave(meeting, attendee);
    }
    return done("deleteAttendees");
  },

  muteParticipant(call) {
    const meeting = authorized(call);
    update(meeting, listedOne(meeting, call.query.participantID), { mute: bodyOf(call, "muteParticipant").isMute });
    return done("muteParticipant");
  },

  muteMeeting(call) {
    const meeting = authorized(call);
    const { isMute, allowUnmuteByOneself } = bodyOf(call, "muteMeeting");
    // Everyone but the host and co-hosts, as the vendor's "mute all" does.
    for (const participant of onlineOnes(meeting)) if (!moderator(participant)) update(meeting, participant, { mute: isMute });
    updateConference(meeting, { mute: isMute });
    if (allowUnmuteByOneself !== undefined) changeSettings(meeting, { allowUnmuteByOneself });
    return done("muteMeeting");
  },

  allowGuestUnmute(call) {
    changeSettings(authorized(call), { allowUnmuteByOneself: bodyOf(call, "allowGuestUnmute").allowUnmuteByOneself });
    return done("allowGuestUnmute");
  },

  inviteOperateVideo(call) {
    const meeting = authorized(call);
    // `status: 0` asks for the camera on, `1` for it off; the fake's participants always comply.
    update(meeting, presentOne(meeting, call.query.participantID), { video: bodyOf(call, "inviteOperateVideo").status === 0 ? 1 : 0 });
    return done("inviteOperateVideo");
  },

  setRole(call) {
    const meeting = authorized(call);
    const participant = presentOne(meeting, call.query.participantID);
    const { applyChair, chairmanPwd } = bodyOf(call, "setRole");
    if (applyChair === 0) {
      if (participant.role !== "host") refuse(codes.notAllowed, "the participant is not the host");
      update(meeting, participant, { role: "participant" });
      return done("setRole");
    }
    if (chairmanPwd !== undefined && chairmanPwd !== meeting.hostPassword) refuse(codes.notAllowed, "chairmanPwd does not match");
    const chair = onlineOnes(meeting).find(({ role }) => role === "host");
    if (chair && chair !== participant) refuse(codes.notAllowed, "another participant is the host");
    if (participant.role === "audience") refuse(codes.notAllowed, "the audience cannot be the host");
    update(meeting, participant, { role: "host" });
    return done("setRole");
  },

  setCohost(call) {
    const meeting = authorized(call);
    const participant = presentOne(meeting, call.query.participantID);
    if (bodyOf(call, "setCohost").isCohost === 1) {
      if (participant.role === "host" || participant.role === "audience") refuse(codes.notAllowed, `the ${participant.role} cannot be made a co-host`);
      update(meeting, participant, { role: "cohost" });
    } else if (participant.role === "cohost") {
      update(meeting, participant, { role: "participant" });
    }
    return done("setCohost");
  },

  hand(call) {
    const meeting = authorized(call);
    update(meeting, presentOne(meeting, call.query.participantID), { hand: bodyOf(call, "hand").handsState });
    return done("hand");
  },

  batchHand(call) {
    const meeting = authorized(call);
    const { handsState, pids } = bodyOf(call, "batchHand");
    for (const participant of everyOne(meeting, pids, presentOne)) update(meeting, participant, { hand: handsState });
    return done("batchHand");
  },

  rollcallParticipant(call) {
    const meeting = authorized(call);
    const participant = presentOne(meeting, call.query.participantID);
    for (const other of onlineOnes(meeting)) if (other !== participant) update(meeting, other, { rollcall: 0, broadcast: 0 });
    // Given the floor: heard (unmuted) and seen by everyone.
    update(meeting, participant, { rollcall: 1, broadcast: 0, mute: 0 });
    updateConference(meeting, { mode: "ROLLCALL" });
    return done("rollcallParticipant");
  },

  broadcastParticipant(call) {
    const meeting = authorized(call);
    const participant = presentOne(meeting, call.query.participantID);
    for (const other of onlineOnes(meeting)) if (other !== participant) update(meeting, other, { broadcast: 0, rollcall: 0 });
    update(meeting, participant, { broadcast: 1, rollcall: 0 });
    updateConference(meeting, { mode: "BROADCAST" });
    return done("broadcastParticipant");
  },

  cancelBroadcast(call) {
    const meeting = authorized(call);
    for (const participant of onlineOnes(meeting)) update(meeting, participant, { broadcast: 0, rollcall: 0 });
    updateConference(meeting, { mode: "FREE" });
    return done("cancelBroadcast");
  },

  lockMeeting(call) {
    changeSettings(authorized(call), { isLock: bodyOf(call, "lockMeeting").isLock });
    return done("lockMeeting");
  },

  pauseConference(call) {
    updateConference(authorized(call), { pause: bodyOf(call, "pauseConference").pause });
    return done("pauseConference");
  },

  prolongMeeting(call) {
    const meeting = authorized(call);
    const { auto, duration } = bodyOf(call, "prolongMeeting");
    if (duration !== undefined && duration <= 0) refuse(codes.invalidRequest, "/body/duration: must be a positive number of minutes");
    if (auto === 1) {
      updateConference(meeting, { autoProlong: 1 });
    } else {
      // The vendor's default step is 15 minutes.
      updateConference(meeting, { endTime: meeting.conference.endTime + (duration ?? 15) * 60_000 });
    }
    return done("prolongMeeting");
  },

  stopMeeting(call) {
    end(authorized(call));
    return done("stopMeeting");
  },

  allowAudienceJoin(call) {
    updateConference(authorized(call), { allowAudience: bodyOf(call, "allowAudienceJoin").allowAudience });
    return done("allowAudienceJoin");
  },

  allowWaitingParticipant(call) {
    const meeting = authorized(call);
    const { participantID, allowAll } = bodyOf(call, "allowWaitingParticipant");
    const waiting = [...meeting.participants.values()].filter(({ place }) => place === "waiting");
    if (allowAll === true) {
      for (const participant of waiting) admit(call.state, meeting, participant);
    } else if (participantID !== undefined) {
      admit(call.state, meeting, waiting.find(({ pid }) => pid === participantID) ?? refuse(codes.notWaiting, participantID));
    } else {
      refuse(codes.invalidRequest, "/body: needs participantID or allowAll: true");
    }
    return done("allowWaitingParticipant");
  },

  moveToWaitingRoom(call) {
    const meeting = authorized(call);
    const participant = presentOne(meeting, bodyOf(call, "moveToWaitingRoom").participantID);
    if (participant.role === "host") refuse(codes.notAllowed, "the host cannot be moved to the waiting room");
    moveToWaitingRoom(meeting, participant);
    return done("moveToWaitingRoom");
  },

  batchMoveToWaitingRoom(call) {
    const meeting = authorized(call);
    const participants = everyOne(meeting, bodyOf(call, "batchMoveToWaitingRoom").batchParticipants, presentOne);
    const host = participants.find(({ role }) => role === "host");
    if (host) refuse(codes.notAllowed, "the host cannot be moved to the waiting room");
    for (const participant of participants) moveToWaitingRoom(meeting, participant);
    return done("batchMoveToWaitingRoom");
  },

  record(call) {
    const meeting = authorized(call);
    if (bodyOf(call, "record").isRecord === 1) {
      if (meeting.conference.recState === 1) refuse(codes.alreadyRecording);
      updateConference(meeting, { recState: 1 });
    } else {
      updateConference(meeting, { recState: 0 });
    }
    return done("record");
  },

  setMmrRecord(call) {
    const meeting = authorized(call);
    const { recordType } = bodyOf(call, "setMmrRecord");
    if (recordType === 1) {
      if (meeting.conference.recState === 1) refuse(codes.alreadyRecording);
      updateConference(meeting, { recState: 1 });
    } else if (recordType === 0) {
      if (meeting.conference.recState !== 1) refuse(codes.notRecording);
      updateConference(meeting, { recState: 2 });
    } else {
      updateConference(meeting, { recState: 0 });
    }
    return done("setMmrRecord");
  },

  live(call) {
    updateConference(authorized(call), { liveState: bodyOf(call, "live").isLive });
    return done("live");
  },

  setMmrLive(call) {
    updateConference(authorized(call), { liveState: bodyOf(call, "setMmrLive").liveState });
    return done("setMmrLive");
  },

  allowClientRecord(call) {
    const meeting = authorized(call);
    presentOne(meeting, call.query.participantID).clientRecord = bodyOf(call, "allowClientRecord").allowClientRecord;
    return done("allowClientRecord");
  },

  switchMode(call) {
    const meeting = remember(call, "switchMode");
    updateConference(meeting, { mode: bodyOf(call, "switchMode").switchMode === "Fixed" ? "FIXED" : "FREE" });
    return done("switchMode");
  },

  setMultiPicture(call) {
    // Sub-pictures name sites as the vendor's terminals know them, not as pids: kept as sent.
    remember(call, "setMultiPicture");
    return done("setMultiPicture");
  },

  setCustomMultiPicture(call) {
    // Sub-pictures name sites as the vendor's terminals know them, not as pids: kept as sent.
    remember(call, "setCustomMultiPicture");
    return done("setCustomMultiPicture");
  },

  setHostView(call) {
    const meeting = authorized(call);
    const { participantID } = bodyOf(call, "setHostView");
    if (participantID !== undefined) presentOne(meeting, participantID);
    remember(call, "setHostView");
    return done("setHostView");
  },

  setParticipantView(call) {
    const meeting = authorized(call);
    presentOne(meeting, call.query.participantID);
    presentOne(meeting, bodyOf(call, "setParticipantView").participantID);
    remember(call, "setParticipantView");
    return done("setParticipantView");
  },

  lockView(call) {
    const meeting = authorized(call);
    presentOne(meeting, call.query.participantID);
    presentOne(meeting, bodyOf(call, "lockView").participantID);
    remember(call, "lockView");
    return done("lockView");
  },

  saveLayout(call) {
    const meeting = authorized(call);
    const { restPicLayout } = bodyOf(call, "saveLayout");
    if (restPicLayout === undefined) return refuse(codes.invalidRequest, "/body/restPicLayout: is required to save a layout");
    // A layout with a known uuid replaces it; one without is saved as a new one.
    const uuid = restPicLayout.uuid ?? fakeId();
    meeting.layouts.set(uuid, { ...restPicLayout, uuid });
    return done("saveLayout");
  },

  showLayout(call) {
    const meeting = authorized(call);
    return { returnCode: 0, returnDesc: "SUCCESS", picLayouts: [...meeting.layouts.values()] };
  },

  deleteLayout(call) {
    const meeting = authorized(call);
    const uuid = call.query.uuID as string;
    if (!meeting.layouts.delete(uuid)) refuse(codes.noSuchLayout, uuid);
    return done("deleteLayout");
  },

  setInterpreterGroup(call) {
    remember(call, "setInterpreterGroup");
    return done("setInterpreterGroup");
  },

  resumeSimultaneousInterpretation(call) {
    remember(call, "resumeSimultaneousInterpretation");
    return done("resumeSimultaneousInterpretation");
  },

  setAttendeeLanChannel(call) {
    const meeting = authorized(call);
    everyOne(meeting, bodyOf(call, "setAttendeeLanChannel").participantIDs ?? [], presentOne);
    remember(call, "setAttendeeLanChannel");
    return done("setAttendeeLanChannel");
  },
};
