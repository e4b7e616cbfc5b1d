// One meeting-control WebSocket channel (asyncapi.yaml), whatever carries it (a `ws` socket in
// server mode, `fake.WebSocket` in-process): the subscription, the pushes, the heart-beat echo,
// and closing when the meeting ends or heart-beats stop.
import type { components } from "../generated/events.js";
import { CHANNEL_PATH } from "../events/channel-path.js";
import { conferenceInfo, fakeId, listed, pinfo, valid, type Change, type MeetingRecord, type State } from "./state.js";
import { checkFrame, frameViolations } from "./request-rules.js";

type Schemas = components["schemas"];
type ParticipantsNotify = Schemas["ParticipantsNotify"];
type ConfDynamicInfoNotify = Schemas["ConfDynamicInfoNotify"];
type WaitingListNotify = Schemas["WaitingListNotify"];
type InviteResultNotify = Schemas["InviteResultNotify"];
type Push = ParticipantsNotify | ConfDynamicInfoNotify | WaitingListNotify | InviteResultNotify;

/** The server closes a channel that has sent no heart-beat for this long (on the fake's clock). */
const HEARTBEAT_TIMEOUT_MS = 180_000;
/** The fake's own close code for a refused subscription; the vendor documents none. */
const REFUSED = 4001;

/** What carries the frames: sends text, closes with a code (1006: abnormally, without a close frame). */
export interface Carrier {
  send(text: string): void;
  close(code: number, reason: string): void;
}

export interface FakeChannel {
  receive(text: string): void;
  /** Closes the channel if it has sent no heart-beat for 180 s. */
  sweep(): void;
  /** The carrier is gone: stop pushing. */
  closed(): void;
  close(code: number, reason: string): void;
}

export function openChannel(state: State, meeting: MeetingRecord, carrier: Carrier, channels: Set<FakeChannel>): FakeChannel {
  let lastHeartBeat = state.clock.now();
  let subscribed: Set<string> | undefined;
  let open = true;

  const push = (frame: Push | Schemas["ReplyFrame"] | Schemas["HeartBeatFrame"], schema: Parameters<typeof checkFrame>[0]) => {
    checkFrame(schema, frame);
    if (open) carrier.send(JSON.stringify(frame));
  };
  const envelope = (action: string, full: boolean) => {
    const createTime = state.clock.now();
    return { action, version: full ? createTime : ++meeting.version, createTime, msgID: fakeId(), msgMode: full ? 0 : 1, confID: meeting.conferenceID };
  };
  const participants = (data: ParticipantsNotify["data"], full: boolean) => {
    if (subscribed?.has("ParticipantsNotify")) push({ ...envelope("ParticipantsNotify", full), data } as ParticipantsNotify, "ParticipantsNotify");
  };
  const conference = (fields: Record<string, unknown>, full: boolean) => {
    if (subscribed?.has("ConfDynamicInfoNotify")) push({ ...envelope("ConfDynamicInfoNotify", full), ...fields } as ConfDynamicInfoNotify, "ConfDynamicInfoNotify");
  };
  const waiting = (data: WaitingListNotify["data"], full: boolean) => {
    if (subscribed?.has("WaitingListNotify")) push({ ...envelope("WaitingListNotify", full), data } as WaitingListNotify, "WaitingListNotify");
  };
  const invited = (data: InviteResultNotify["data"]) => {
    if (subscribed?.has("InviteResultNotify")) push({ ...envelope("InviteResultNotify", false), data } as InviteResultNotify, "InviteResultNotify");
  };

  const onChange = (change: Change) => {
    if (change.kind === "participant") {
      participants([change.left ? { pid: change.pid, mode: 1 } : { pid: change.pid, mode: 0, pinfoMap: change.fields }], false);
    } else if (change.kind === "conference") {
      conference(change.fields, false);
    } else if (change.kind === "waiting") {
      waiting([{ pid: change.pid, name: change.name, mode: change.left ? 1 : 0 }], false);
    } else if (change.kind === "invite") {
      invited([{ callNumber: change.callNumber, resultCode: change.resultCode }]);
    } else {
      conference({ state: "Destroyed" }, false);
      channel.close(1000, "meeting ended");
    }
  };

  const subscribe = (frame: { sequence?: unknown; data?: unknown }) => {
    const sequence = typeof frame.sequence === "string" ? frame.sequence : "";
    let data: unknown = frame.data;
    if (typeof data === "string") {
      try {
        data = JSON.parse(data);
      } catch {
        data = undefined;
      }
    }
    const problems = frameViolations("SubscribeData", data);
    const { confToken, conferenceID, subscribeType } = (data ?? {}) as Partial<Schemas["SubscribeData"]>;
    const accepted =
      problems.length === 0 &&
      (conferenceID === undefined || conferenceID === meeting.conferenceID) &&
      valid(state, state.tokens, confToken, meeting.conferenceID) !== undefined &&
      !meeting.ended;
    if (!accepted) {
      push({ action: "Subscribe", sequence, data: { returnCode: 1, returnDesc: "token refused" } }, "ReplyFrame");
      channel.close(REFUSED, "subscription refused");
      return;
    }
    push({ action: "Subscribe", sequence, data: { returnCode: 0, returnDesc: "SUCCESS" } }, "ReplyFrame");
    subscribed = new Set(subscribeType);
    const everyone = [...meeting.participants.values()];
    const online = everyone.filter(listed);
    participants(
      online.map((participant) => ({ pid: participant.pid, mode: 0, pinfoMap: pinfo(participant) })),
      true,
    );
    conference(conferenceInfo(meeting), true);
    waiting(
      everyone.filter(({ place }) => place === "waiting").map(({ pid, name }) => ({ pid, name, mode: 0 })),
      true,
    );
  };

  const channel: FakeChannel = {
    receive(text) {
      if (!open) return;
      let frame: { action?: unknown; sequence?: unknown; data?: unknown };
      try {
        frame = JSON.parse(text) as typeof frame;
      } catch {
        return; // not JSON: ignored, as unknown frames are
      }
      if (frame?.action === "HeartBeat" && frameViolations("HeartBeatFrame", frame).length === 0) {
        lastHeartBeat = state.clock.now();
        if (open) carrier.send(text); // echoed unchanged
      } else if (frame?.action === "Subscribe") {
        subscribe(frame);
      }
    },
    sweep() {
      if (open && state.clock.now() - lastHeartBeat >= HEARTBEAT_TIMEOUT_MS) channel.close(1000, "no heart-beat for 180 s");
    },
    closed() {
      if (!open) return;
      open = false;
      meeting.listeners.delete(onChange);
      channels.delete(channel);
    },
    close(code, reason) {
      if (!open) return;
      channel.closed();
      carrier.close(code, reason);
    },
  };
  meeting.listeners.add(onChange);
  channels.add(channel);
  return channel;
}

/** Takes the single-use WebSocket token of a connection, or says why it cannot. */
export function admit(state: State, url: URL): MeetingRecord | undefined {
  const conferenceID = url.searchParams.get("confID") ?? "";
  const token = url.searchParams.get("tmpToken");
  const meeting = state.meetings.get(conferenceID);
  if (url.pathname.replace(/\/+$/, "") !== CHANNEL_PATH || !meeting || meeting.ended) return undefined;
  if (!valid(state, state.wsTokens, token, conferenceID)) return undefined;
  state.wsTokens.delete(token!); // once
  return meeting;
}
