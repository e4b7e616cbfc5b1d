import { MeetingConnectionError } from "./errors.js";
import type { components } from "./generated/schema.js";
import type { Api } from "./api.js";
import { apiError, readJson } from "./call/answer.js";
import { checkId } from "./call/input.js";
import { callInit } from "./call/options.js";
import { checkSettings, type MeetingSettings } from "./settings.js";
import type { ChannelContext } from "./events/link.js";
import type { EventsOptions, LiveRoster, MeetingEvent, RosterOptions, WaitCondition, WaitUntilOptions, WaitUntilSharingOptions } from "./events/types.js";
import type { CallOptions } from "./options.js";
import type { TokenSource } from "./token/source.js";
import type { Transport } from "./transport/retrying.js";

export type RealTimeInfo = components["schemas"]["RealTimeInfo"];
type Share = components["schemas"]["InviteShareDTO"]["share"];
type Header = { "X-Conference-Authorization": string };

const SHARE = "/v1/mmc/control/conferences/participants/share/invite";
const REAL_TIME_INFO = "/v1/mmc/control/conferences/realTimeInfo";
const SETTINGS = "/v1/mmc/control/conferences/updateStartedConfConfig";

/** One ongoing meeting, controlled as its host. Made by `meeting.conference()`. */
export interface Conference {
  readonly conferenceID: string;
  /** Invites the participant (a `pid` from `realTimeInfo()`) to share their screen: `{"share":1}`. */
  inviteToShare(participantID: string, options?: CallOptions): Promise<void>;
  /** Cancels the invitation to share: `{"share":0}`. */
  cancelShareInvitation(participantID: string, options?: CallOptions): Promise<void>;
  /** The meeting's attendees, online participants (each with its `pid`) and state. */
  realTimeInfo(options?: CallOptions): Promise<RealTimeInfo>;
  /**
   * A valid meeting-control token (obtained or renewed as needed), for the meeting-control
   * WebSocket. `options.headers` go on the token request this call starts, if it starts one.
   */
  token(options?: CallOptions): Promise<string>;
  /** Locks sharing, so that only the host may share: `{"lockSharing":1}`. */
  lockSharing(options?: CallOptions): Promise<void>;
  /** Unlocks sharing, so that participants may share again: `{"lockSharing":0}`. */
  unlockSharing(options?: CallOptions): Promise<void>;
  /**
   * Changes the meeting's settings: only those given change. An empty object, an unknown
   * setting or a value the spec does not list is refused with `MeetingInputError`.
   */
  updateSettings(settings: MeetingSettings, options?: CallOptions): Promise<void>;
  /**
   * The meeting's events, from the meeting-control WebSocket: `for await (const event of conf.events())`.
   * Joins the conference's channel on the first `next()` (opening it if no other consumer of this
   * client has), reconnects when the channel drops, and ends with an error when the meeting
   * ends (`MeetingEndedError`), the token is refused (`AuthenticationError`) or reconnecting
   * fails (`MeetingConnectionError`). `break` or the signal leaves the channel; the last
   * consumer to leave closes it. A stream that joins a channel under way starts with what the
   * channel knows (the roster as joins, then the meeting's status).
   */
  events(options?: EventsOptions): AsyncGenerator<MeetingEvent, void, undefined>;
  /**
   * Resolves once the participant shares (`SHARE` "1" on the event channel), at once if they
   * already do. Rejects with `MeetingTimeoutError` after `timeoutMs` (default 120 000), with
   * `ParticipantLeftError` if they leave or are not in the meeting, or as `events()` ends.
   */
  waitUntilSharing(participantID: string, options?: WaitUntilSharingOptions): Promise<void>;
  /**
   * Resolves once `condition` holds on the conference's live state (the roster and the meeting's
   * status, from the event channel), at once if it already does: `await conf.waitUntil({ participantID: pid, MUTE: "1" })`,
   * `{ participantID: pid, left: true }`, `{ meeting: { lock: 1 } }`, or a function of the state
   * (see `WaitCondition`). Rejects with `MeetingTimeoutError` naming what was not seen after
   * `timeoutMs` (default 120 000), with `ParticipantLeftError` when the participant is not in
   * the meeting, or as `events()` ends. Shares the conference's channel.
   */
  waitUntil(condition: WaitCondition, options?: WaitUntilOptions): Promise<void>;
  /**
   * The roster and the meeting's status as live state: resolves once the full participant list
   * has arrived (rejects with `MeetingTimeoutError` after `timeoutMs`, default 120 000), with a
   * view whose `participants` (a Map by pid), `meeting` (empty until the meeting's first
   * ConfDynamicInfoNotify, which follows the list) and `callResults` follow every frame until
   * `close()`. Shares the conference's channel; close it to let the channel go.
   */
  roster(options?: RosterOptions): Promise<LiveRoster>;
}

export function conference(api: Api, transport: Transport, conferenceID: string, tokens: TokenSource, channel: ChannelContext): Conference {
  /**
   * Sends with the current token; a 401 on a token that can be replaced is retried once with
   * a new one. Resolves with the result and the secrets to redact from any error: every
   * token sent, and what the token source holds.
   */
  const authorized = async <R extends { response: Response }>(
    options: CallOptions | undefined,
    send: (header: Header, fetch?: (request: Request) => Promise<Response>) => Promise<R>,
  ): Promise<[R, string[]]> => {
    const init = callInit(transport, options);
    // The call's signal and policy bound its token phase too; its headers are for its own
    // request, not for a token request it may wait on.
    const wait = { signal: init.signal, policy: init.policy };
    const token = await tokens.get(wait);
    const result = await send({ "X-Conference-Authorization": token }, init.fetch);
    const secrets = [token, ...tokens.secrets];
    if (result.response.status !== 401 || !tokens.invalidate(token)) return [result, secrets];
    const fresh = await tokens.get(wait);
    return fresh === token ? [result, secrets] : [await send({ "X-Conference-Authorization": fresh }, init.fetch), [fresh, ...secrets]];
  };

  const share = async (participantID: string, share: Share, options?: CallOptions): Promise<void> => {
    checkId("participantID", participantID);
    // Success is a 200 with an empty body or any JSON object.
    await readJson(
      `PUT ${SHARE}`,
      ...(await authorized(options, (header, fetch) => api.PUT(SHARE, { params: { query: { conferenceID, participantID }, header }, body: { share }, parseAs: "text", fetch }))),
    );
  };

  const update = async (settings: MeetingSettings, options?: CallOptions): Promise<void> => {
    const body = checkSettings(settings);
    // Success is a 200 with an empty body or any JSON object.
    await readJson(
      `PUT ${SETTINGS}`,
      ...(await authorized(options, (header, fetch) => api.PUT(SETTINGS, { params: { query: { conferenceID }, header }, body, parseAs: "text", fetch }))),
    );
  };

  // What the event channel needs of this handle; its code loads with its first use (loadChannel).
  const parts = { api, conferenceID, tokens, authorized, channel };

  return {
    conferenceID,
    inviteToShare: (participantID, options) => share(participantID, 1, options),
    cancelShareInvitation: (participantID, options) => share(participantID, 0, options),
    async realTimeInfo(options) {
      const [result, secrets] = await authorized(options, (header, fetch) => api.GET(REAL_TIME_INFO, { params: { query: { conferenceID }, header }, parseAs: "text", fetch }));
      const call = `GET ${REAL_TIME_INFO}`;
      const info = await readJson<RealTimeInfo>(call, result, secrets);
      if (!info) throw apiError(call, result.response, undefined, secrets, "the answer is empty");
      return info;
    },
    token: async (options) => tokens.get(callInit(transport, options)),
    lockSharing: (options) => update({ lockSharing: 1 }, options),
    unlockSharing: (options) => update({ lockSharing: 0 }, options),
    updateSettings: (settings, options) => update(settings, options),
    async *events(options) {
      yield* (await loadChannel()).events(parts, options);
    },
    waitUntil: async (condition, options) => (await loadChannel()).waitUntil(parts, condition, options),
    roster: async (options) => (await loadChannel()).roster(parts, options),
    waitUntilSharing: async (participantID, options) => (await loadChannel()).waitUntilSharing(parts, participantID, options),
  };
}

/**
 * The event channel's code: the one part of the client loaded on first use (a chunk of its own
 * in a page's bundle), since it needs the network anyway. When it cannot be loaded (the page's
 * server is gone, a redeploy removed the chunk), nothing has been opened, and the caller gets a
 * `MeetingConnectionError` saying so rather than the loader's `TypeError`.
 */
async function loadChannel(): Promise<typeof import("./events/index.js")> {
  try {
    return await import("./events/index.js");
  } catch (error) {
    throw new MeetingConnectionError(`the event channel's code could not be loaded (${error instanceof Error ? error.message : String(error)})`, 1, error);
  }
}
