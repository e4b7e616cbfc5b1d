// What the channel needs from the conference handle, and the one place that turns it into an
// address and tokens: the control token for Subscribe, a fresh WebSocket token per connection.
import type { components } from "../generated/schema.js";
import type { Api } from "../api.js";
import type { Authorized } from "../call/operation.js";
import { fail } from "../call/input.js";
import type { Logger } from "../log.js";
import type { TokenSource } from "../token/source.js";
import { CHANNEL_PATH } from "./channel-path.js";
import type { SocketLike } from "./types.js";

/** What the client hands every conference handle for the channel. */
export interface ChannelContext {
  /** The client's `wsUrl` option, checked. */
  wsUrl?: string;
  /** Checks a WebSocket address prefix by the client's rule (`wss:`; `ws:` to loopback or with `allowInsecureHttp`). */
  checkBase(value: unknown, field: string): string;
  /** Opens a socket: the `WebSocket` option, undici's on Node, else the global one. */
  socket(): Promise<(url: string) => SocketLike>;
  logger?: Logger;
  /** Time allowed to connect and be subscribed, in ms: the client's `timeoutMs`. */
  timeoutMs: number;
}

/** What the conference handle passes: its typed client, token source and authorized sender. */
export interface ChannelParts {
  api: Api;
  conferenceID: string;
  tokens: TokenSource;
  authorized: Authorized;
  channel: ChannelContext;
}

type WebSocketToken = components["schemas"]["WebSocketToken"];

const WS_TOKEN_PATH = "/v1/mmc/control/conferences/wsToken";
const WS_TOKEN_CALL = `GET ${WS_TOKEN_PATH}`;

/** A fresh single-use token for one connection (`createWebSocketToken`); never the token answer's `tmpWsToken`. */
export async function webSocketToken({ conferenceID, authorized }: ChannelParts, signal: AbortSignal): Promise<string> {
  const body = (await authorized({ signal }, { what: WS_TOKEN_CALL, method: "get", path: WS_TOKEN_PATH, query: { conferenceID }, answer: holdsToken })) as {
    webSocketToken: string;
  };
  return body.webSocketToken;
}

/** What is wrong with a wsToken answer: it must hold a `webSocketToken`. */
function holdsToken(body: Partial<WebSocketToken> | undefined): string | undefined {
  const token = body?.webSocketToken;
  return typeof token === "string" && token ? undefined : "the answer holds no webSocketToken";
}

/**
 * The address prefix: the client's `wsUrl`, else the `data.wsURL` of the last `createConfToken`
 * answer (handles with the host password). Checked before any connection.
 */
export function channelBase({ channel, tokens }: ChannelParts): string {
  if (channel.wsUrl !== undefined) return channel.wsUrl;
  if (tokens.wsUrl !== undefined) return channel.checkBase(tokens.wsUrl, "data.wsURL of createConfToken");
  return fail("wsUrl", "is needed for the event channel of a { token } handle: pass createMeetingClient({ wsUrl }), the data.wsURL of createConfToken");
}

/** The connect address. A `wsURL` that already ends with the channel's path (as in some vendor examples) keeps it. */
export function channelUrl(base: string, conferenceID: string, webSocketToken: string): string {
  const prefix = base.endsWith(CHANNEL_PATH) ? base : base + CHANNEL_PATH;
  return `${prefix}?${new URLSearchParams({ confID: conferenceID, tmpToken: webSocketToken })}`;
}
