// What every entry exports besides createMeetingClient.
export { regions } from "./client.js";
export type { MeetingClient, MeetingClientOptions, Region } from "./client.js";
export type { Conference, RealTimeInfo } from "./conference.js";
export type { CallOptions } from "./send.js";
export type { Fetch, Logger } from "./transport.js";
export type { ConferenceAuth, TokenInfo, TokenProvider } from "./token.js";
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
