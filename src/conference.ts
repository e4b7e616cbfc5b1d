import { authorizer, call, facadeMethod, handleOf, traced, type CallContext, type OperationTracer } from "./call/operation.js";
import { MeetingConnectionError } from "./errors.js";
import type { components } from "./generated/schema.js";
import type { ConferenceMethods } from "./generated/facade.js";
import { participant, type ParticipantHandle } from "./participant.js";
import { callInit } from "./call/options.js";
import type { CallOptions } from "./options.js";
import type { ChannelContext } from "./events/link.js";
import type { EventsOptions, LiveRoster, MeetingEvent, RosterOptions, WaitCondition, WaitUntilOptions, WaitUntilSharingOptions } from "./events/types.js";
import type { Api } from "./api.js";
import type { TokenSource } from "./token/source.js";
import type { Transport } from "./transport/retrying.js";

export type RealTimeInfo = components["schemas"]["RealTimeInfo"];

// Found on first use: an import does no work.
let invite: ReturnType<typeof facadeMethod> | undefined;
let cancel: ReturnType<typeof facadeMethod> | undefined;

/** One ongoing meeting, controlled as its host. Made by `meeting.conference()`. */
export interface Conference extends ConferenceMethods<CallOptions> {
  readonly conferenceID: string;
  /**
   * A handle on one participant, by the `pid` that `realTimeInfo()` lists: `conf.participant(pid).mute()`.
   * A `participantID` that is not a non-empty string is refused at once with `MeetingInputError`.
   */
  participant(participantID: string): ParticipantHandle;
  /** Invites the participant (a `pid` from `realTimeInfo()`) to share their screen: `{"share":1}`. Same as `participant(pid).inviteToShare()`. */
  inviteToShare(participantID: string, options?: CallOptions): Promise<void>;
  /** Cancels the invitation to share: `{"share":0}`. Same as `participant(pid).cancelShareInvitation()`. */
  cancelShareInvitation(participantID: string, options?: CallOptions): Promise<void>;
  /**
   * A valid meeting-control token (obtained or renewed as needed), for the meeting-control
   * WebSocket. `options.headers` go on the token request this call starts, if it starts one.
   */
  token(options?: CallOptions): Promise<string>;
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
   * `{ participantID: pid, left: true }`, `{ waiting: pid }` (in the waiting room),
   * `{ waiting: pid, left: true }` (out of it), `{ meeting: { lock: 1 } }`, or a function of the state
   * (see `WaitCondition`). Rejects with `MeetingTimeoutError` naming what was not seen after
   * `timeoutMs` (default 120 000), with `ParticipantLeftError` when the participant is not in
   * the meeting, or as `events()` ends. Shares the conference's channel.
   */
  waitUntil(condition: WaitCondition, options?: WaitUntilOptions): Promise<void>;
  /**
   * The roster and the meeting's status as live state: resolves once the full participant list
   * has arrived (rejects with `MeetingTimeoutError` after `timeoutMs`, default 120 000), with a
   * view whose `participants` (a Map by pid), `meeting` (empty until the meeting's first
   * ConfDynamicInfoNotify, which follows the list), `callResults` and `waiting` (the waiting
   * room by pid, empty until its first WaitingListNotify) follow every frame until
   * `close()`. Shares the conference's channel; close it to let the channel go.
   */
  roster(options?: RosterOptions): Promise<LiveRoster>;
}

export function conference(api: Api, transport: Transport, conferenceID: string, tokens: TokenSource, channel: ChannelContext, trace?: OperationTracer): Conference {
  const authorized = authorizer(api, transport, tokens);
  const context: CallContext = { api, transport, conferenceID, tokens, authorized, trace };
  // What the event channel needs of this handle; its code loads with its first use (loadChannel).
  const parts = { api, conferenceID, tokens, authorized, channel };
  const own: Omit<Conference, keyof ConferenceMethods<CallOptions>> = {
    conferenceID,
    participant: (participantID) => participant(context, participantID),
    inviteToShare(participantID, options) {
      invite ??= facadeMethod("participant.inviteToShare");
      const [operationId, method] = invite;
      return call(context, operationId, method, participantID, [options]) as Promise<void>;
    },
    cancelShareInvitation(participantID, options) {
      cancel ??= facadeMethod("participant.cancelShareInvitation");
      const [operationId, method] = cancel;
      return call(context, operationId, method, participantID, [options]) as Promise<void>;
    },
    // The hand-written methods that are operations of their own are traced as such; a token is never shown.
    token: (options) => traced(context, "token", undefined, async () => tokens.get(callInit(transport, options)), false),
    async *events(options) {
      yield* (await loadChannel()).events(parts, options);
    },
    waitUntil: (condition, options) => traced(context, "waitUntil", undefined, async () => (await loadChannel()).waitUntil(parts, condition, options), false),
    roster: (options) => traced(context, "roster", undefined, async () => (await loadChannel()).roster(parts, options), false),
    waitUntilSharing: (participantID, options) =>
      traced(context, "waitUntilSharing", participantID, async () => (await loadChannel()).waitUntilSharing(parts, participantID, options), false),
  };
  return handleOf<Conference>("conference", context, own);
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
