// createMeetingClient, for every entry: checks the options once, then wires the transport, the
// typed client, the token sources and the event channel's settings into conference handles.
import { createApi, type Api } from "./api.js";
import { checkId, fail } from "./call/input.js";
import type { OperationTracer } from "./call/operation.js";
import { conference, type Conference } from "./conference.js";
import type { ChannelContext } from "./events/link.js";
import type { WebSocketConstructor } from "./events/types.js";
import { checkClientOptions, type ClientSettings, type Dispatcher } from "./options.js";
import { tokenSources, type ConferenceAuth, type ManagedTokens } from "./token/source.js";
import { fetchSender } from "./transport/fetch.js";
import type { Deadlines } from "./transport/deadlines.js";
import { createTransport, type AttemptTracer } from "./transport/retrying.js";
import type { Sender } from "./transport/sender.js";

/** The client. Conference handles come from `conference()`; `api` is the typed openapi-fetch client itself. */
export interface MeetingClient {
  /** A handle on one ongoing meeting, authorized by a token or the host password. */
  conference(conferenceID: string, auth: ConferenceAuth): Conference;
  /** The typed openapi-fetch client, for anything the facade does not wrap. */
  readonly api: Api;
  /** The base URL in use, without a trailing slash. */
  readonly baseUrl: string;
}

/** What an entry brings: its default sender, the host-password flow, WebSocket and tracing where its runtime has them. */
export interface Platform {
  /** The default sender; `dispatcher` only where `takesDispatcher`. */
  sender(dispatcher: Dispatcher | undefined): Sender;
  /** Whether the entry takes an undici `dispatcher` (Node). */
  takesDispatcher: boolean;
  /** The `{ hostPassword }` token flow; none in the browser. */
  managedTokens?: ManagedTokens;
  /** The default WebSocket, made for the client's dispatcher (Node: undici's). Default: the global `WebSocket`. */
  webSocket?(dispatcher: Dispatcher | undefined): Promise<WebSocketConstructor>;
  /** Traces each HTTP attempt, where the runtime has diagnostics_channel. */
  traceAttempt?: AttemptTracer;
  /** Traces each call of a generated method as an operation, where the runtime has diagnostics_channel. */
  traceOperation?: OperationTracer;
  /** Where a client's attempts keep their deadlines, where not a timer each (transport/deadlines.ts). */
  deadlines?: () => Deadlines;
}

/** Makes a client for an entry's platform; a bad option throws the `MeetingInputError` naming it. */
export function makeClient(options: unknown, platform: Platform): MeetingClient {
  const settings = checkClientOptions(options, { dispatcher: platform.takesDispatcher, hostPassword: platform.managedTokens !== undefined });
  const { baseUrl, fetch, dispatcher, logger, policy } = settings;
  const sender = fetch ? fetchSender(fetch) : platform.sender(dispatcher);
  const transport = createTransport(sender, policy, logger, platform.traceAttempt, platform.deadlines?.());
  const api = createApi(baseUrl, transport);
  const tokens = tokenSources(platform.managedTokens?.(api, transport, settings));
  const channel = channelContext(settings, platform);
  return {
    api,
    baseUrl,
    conference: (conferenceID, auth) => conference(api, transport, checkId("conferenceID", conferenceID), tokens(conferenceID, auth), channel, platform.traceOperation),
  };
}

/** The event channel's settings: its address, its WebSocket (made on first use), its logger and timeout. */
function channelContext(settings: ClientSettings, platform: Platform): ChannelContext {
  const { WebSocket, wsUrl, dispatcher, logger, policy, channelAddress } = settings;
  let opening: Promise<WebSocketConstructor> | undefined;
  const defaultSocket = () => platform.webSocket?.(dispatcher) ?? Promise.resolve(globalThis.WebSocket as unknown as WebSocketConstructor);
  const socket = async () => {
    if (WebSocket === undefined) opening ??= defaultSocket();
    const Socket = WebSocket ?? (await opening);
    if (!Socket) fail("WebSocket", "is not available in this runtime: pass createMeetingClient({ WebSocket })");
    return (url: string) => new Socket(url);
  };
  return { wsUrl, checkBase: channelAddress, socket, logger, timeoutMs: policy.timeoutMs };
}
