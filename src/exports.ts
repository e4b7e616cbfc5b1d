// What every entry exports besides createMeetingClient.
export { regions } from "./options.js";
export type { CallOptions, MeetingClientOptions, Region } from "./options.js";
export type { MeetingClient } from "./client.js";
export type { Conference, RealTimeInfo } from "./conference.js";
export type { ParticipantHandle } from "./participant.js";
export type {
  CallResult,
  Condition,
  ConferenceState,
  EventsOptions,
  LiveRoster,
  MeetingEvent,
  MeetingEventType,
  MeetingStatus,
  Participant,
  ParticipantValues,
  RosterOptions,
  WaitCondition,
  WaitUntilOptions,
  WaitUntilSharingOptions,
  WaitingMember,
  WebSocketConstructor,
} from "./events/types.js";
export { CallFailedError, MeetingEndedError, ParticipantLeftError } from "./events/errors.js";
export type { MeetingSettings } from "./settings.js";
export type { Logger } from "./log.js";
export type { Fetch } from "./transport/sender.js";
export type { ConferenceAuth, TokenInfo, TokenProvider } from "./token/source.js";
export type { TokenStore } from "./stores/token-store.js";
export type { AttemptContext, OperationContext, TokenContext } from "./tracing.js";
export {
  MeetingError,
  MeetingApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  InternalServerError,
  MeetingInputError,
  MeetingConnectionError,
  MeetingTimeoutError,
} from "./errors.js";
export type { paths, components, operations } from "./generated/schema.js";
