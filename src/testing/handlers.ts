// The REST handlers, by operationId, as plain data: each reads the validated request, changes
// the state and returns the answer's body, or refuses with one of the codes.
import type { operations as Operations } from "../generated/schema.js";
import { codes, refuse } from "./codes.js";
import { changeSettings, issue, startSharing, stopSharing, TOKEN_LIFETIME_MS, valid, WS_TOKEN_LIFETIME_MS, type MeetingRecord, type State } from "./state.js";
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

// The vendor documents no body for a successful invitation: answer `{}` only if the spec declares one.
const invited = () => ((operations.inviteShare.responses as Record<string, string>)["200"] === "json" ? {} : undefined) as Answer<"inviteShare">;
// Partial: an operation of the spec without a handler is one the fake does not play (yet).
export type Handlers = { [K in OperationId]?: (call: Call) => Answer<K> };

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
        supportNotifyType: ["ConfDynamicInfoNotify", "ParticipantsNotify", "InviteResultNotify"],
      },
    };
  },

  showRealTimeInfoOfMeeting(call) {
    const meeting = authorized(call);
    const everyone = [...meeting.participants.values()];
    return {
      attendees: everyone.map(({ name }) => ({ name })),
      participants: everyone.filter((participant) => participant.online).map(({ pid, name, phone, mute, video, hand }) => ({ pid, name, phone, state: 0, video, mute, hand })),
      confInfo: { chairID: "", coHosts: [] },
    };
  },

  inviteShare(call) {
    const meeting = authorized(call);
    const participant = meeting.participants.get(call.query.participantID as string);
    if (!participant?.online) return refuse(codes.noSuchParticipant);
    if ((call.body as { share: 0 | 1 }).share === 0) {
      participant.invited = false;
      stopSharing(meeting, participant);
      return invited();
    }
    participant.invited = true;
    if (call.acceptShareInvitations) {
      const timer = setTimeout(() => {
        if (participant.invited && participant.online && !meeting.ended) startSharing(meeting, participant);
      }, call.shareDelayMs);
      (timer as { unref?: () => void }).unref?.();
    }
    return invited();
  },

  updateStartedConfConfig(call) {
    changeSettings(authorized(call), call.body as object);
    return undefined;
  },

  createWebSocketToken(call) {
    const meeting = authorized(call);
    const now = call.state.clock.now();
    return { webSocketToken: issue(call.state.wsTokens, "FAKE-ws-", meeting.conferenceID, now + WS_TOKEN_LIFETIME_MS, now) };
  },
};
