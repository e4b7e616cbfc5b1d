// The loop that owns the socket of one shared channel: connect with a fresh WebSocket token,
// subscribe, heart-beat, read frames into the roster, and reconnect (backoff with jitter) when
// the socket drops. It never waits for a consumer: what each frame did goes to `onFrame`, and
// it stops by `onEnd`.
import type { components } from "../generated/events.js";
import { channelRefusal } from "../api-error.js";
import { AuthenticationError, BadRequestError, MeetingConnectionError, MeetingInputError, PermissionDeniedError } from "../errors.js";
import { race } from "../race.js";
import { randomHex } from "../random-hex.js";
import { backoffDelay } from "../retry.js";
import { MeetingEndedError } from "./errors.js";
import { channelBase, channelUrl, webSocketToken, type ChannelParts } from "./link.js";
import { isObject, payload, type Applied, type Roster } from "./roster.js";
import type { SocketLike } from "./types.js";

type Schemas = components["schemas"];

/** The push types subscribed to: the ones this client interprets. */
const SUBSCRIBE_TYPES: Schemas["NotifyType"][] = ["ConfDynamicInfoNotify", "ParticipantsNotify", "InviteResultNotify", "WaitingListNotify"];

/** How a connection keeps itself alive: the consumer's `heartBeatMs` and `maxReconnects`. */
export interface ConnectionSettings {
  heartBeatMs: number;
  maxReconnects: number;
}

/** How one connection ended. */
type Outcome = { kind: "closed" } | { kind: "ended" } | { kind: "refused"; reply: unknown } | { kind: "dropped"; problem: string; stable?: boolean };

/** One socket at a time for a conference, reconnecting until closed or given up. */
export class ChannelConnection {
  /** Connections opened so far (each with its own WebSocket token). */
  connections = 0;
  private closed = false;
  /** Stops whatever the loop is waiting for: a token request, a backoff, the session. */
  private readonly stop = new AbortController();

  constructor(
    private readonly parts: ChannelParts,
    private readonly settings: ConnectionSettings,
    private readonly roster: Roster,
    private readonly onFrame: (applied: Applied) => void,
    private readonly onEnd: (error: unknown) => void,
  ) {
    void this.run();
  }

  /** Closes the channel; `onEnd` is not called. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stop.abort();
  }

  private finish(error: unknown): void {
    if (this.closed) return;
    this.close();
    this.onEnd(error);
  }

  private debug(text: string): void {
    // As the transport's lines: the text, then the details as an object.
    this.parts.channel.logger?.debug(`meeting-control events: ${text}`, { conferenceID: this.parts.conferenceID });
  }

  private async run(): Promise<void> {
    const { parts, settings, stop } = this;
    let failures = 0;
    let refusedBefore = false;
    while (!this.closed) {
      let outcome: Outcome;
      let token = "";
      try {
        // Everything that can be refused locally comes before the single-use WebSocket token.
        token = await parts.tokens.get({ signal: stop.signal });
        const base = channelBase(parts);
        const open = await parts.channel.socket();
        const url = channelUrl(base, parts.conferenceID, await webSocketToken(parts, stop.signal));
        if (this.closed) return;
        this.connections++;
        this.debug(`connecting to ${base} (attempt ${failures + 1})`);
        outcome = await this.session(open(url), token);
      } catch (error) {
        if (this.closed) return;
        if (error instanceof MeetingInputError || error instanceof AuthenticationError || error instanceof PermissionDeniedError || error instanceof BadRequestError) {
          return this.finish(error);
        }
        outcome = { kind: "dropped", problem: error instanceof Error ? error.message : String(error) };
      }
      if (outcome.kind === "closed" || this.closed) return;
      if (outcome.kind === "ended") return this.finish(new MeetingEndedError(parts.conferenceID));
      if (outcome.kind === "refused") {
        // A managed token may have been replaced on the server: one more try with a new one.
        if (!refusedBefore && parts.tokens.invalidate(token)) {
          refusedBefore = true;
          continue;
        }
        return this.finish(channelRefusal(outcome.reply, [token]));
      }
      // Only a connection that held for a heart-beat interval starts the count afresh, so a
      // channel that drops right after each subscription still runs out of reconnections.
      if (outcome.stable) {
        failures = 0;
        refusedBefore = false;
      }
      failures++;
      if (failures > settings.maxReconnects) {
        return this.finish(new MeetingConnectionError(`the event channel of conference ${parts.conferenceID} failed ${failures} times in a row: ${outcome.problem}`, failures));
      }
      const delay = backoffDelay(failures);
      this.debug(`${outcome.problem}; reconnecting in ${delay} ms`);
      await race(stop.signal, new Promise(() => {}), delay).catch(() => {});
    }
  }

  /** One connection, from open to close; resolves with how it ended. */
  private session(socket: SocketLike, token: string): Promise<Outcome> {
    const { roster, settings, stop } = this;
    return new Promise((resolve) => {
      let subscribedAt: number | undefined;
      let finished = false;
      let awaitingEcho: string | undefined;
      let beat: ReturnType<typeof setInterval> | undefined;
      // 24 random hex characters: the Subscribe `sequence` takes 20 to 30.
      const subscribeSequence = randomHex(24);

      const done = (outcome: Outcome) => {
        if (finished) return;
        finished = true;
        clearTimeout(deadline);
        clearInterval(beat);
        // The error listener stays: some sockets (ws's) throw an error event nobody listens to.
        for (const [type, listener] of listeners) if (type !== "error") socket.removeEventListener(type, listener);
        stop.signal.removeEventListener("abort", onStop);
        if (socket.readyState < 2) socket.close(1000);
        const stable = subscribedAt !== undefined && Date.now() - subscribedAt >= settings.heartBeatMs;
        resolve(outcome.kind === "dropped" ? { ...outcome, stable } : outcome);
      };
      const onStop = () => done({ kind: "closed" });
      const send = (frame: object) => socket.readyState === 1 && socket.send(JSON.stringify(frame));
      const deadline = setTimeout(() => done({ kind: "dropped", problem: `not subscribed within ${this.parts.channel.timeoutMs} ms` }), this.parts.channel.timeoutMs);

      const onOpen = () => {
        const data: Schemas["SubscribeData"] = { subscribeType: SUBSCRIBE_TYPES, confToken: token, conferenceID: this.parts.conferenceID };
        const frame: Schemas["SubscribeFrame"] = { sequence: subscribeSequence, action: "Subscribe", data: JSON.stringify(data) };
        send(frame);
        beat = setInterval(() => {
          if (awaitingEcho !== undefined) return done({ kind: "dropped", problem: `no heart-beat echo within ${settings.heartBeatMs} ms` });
          awaitingEcho = String(Date.now());
          const heartBeat: Schemas["HeartBeatFrame"] = { sequence: awaitingEcho, action: "HeartBeat" };
          send(heartBeat);
        }, settings.heartBeatMs);
      };

      const onMessage = ({ data }: { data: unknown }) => {
        let frame: unknown;
        try {
          frame = typeof data === "string" ? JSON.parse(data) : undefined;
        } catch {}
        if (!isObject(frame) || typeof frame.action !== "string") return this.debug(`skipped a malformed frame (${describeData(data)})`);
        if (frame.action === "HeartBeat") {
          awaitingEcho = undefined;
          return;
        }
        if (frame.action === "Subscribe") {
          const reply = payload(frame.data);
          const code = isObject(reply) ? reply.returnCode : undefined;
          if (code !== 0 && code !== "0") return done({ kind: "refused", reply });
          subscribedAt = Date.now();
          clearTimeout(deadline);
          return this.debug("subscribed");
        }
        const applied = roster.apply(frame as Schemas["PushEnvelope"]);
        if (!applied) return this.debug(`skipped a malformed ${frame.action} frame`);
        this.onFrame(applied);
        if (!finished && roster.meeting.state === "Destroyed") done({ kind: "ended" });
      };

      const onError = () => done({ kind: "dropped", problem: "the socket failed" });
      const onClose = ({ code }: { code?: number }) => done({ kind: "dropped", problem: `the socket closed (code ${code})` });

      const listeners = [
        ["open", onOpen],
        ["message", onMessage],
        ["error", onError],
        ["close", onClose],
      ] as const;
      for (const [type, listener] of listeners) socket.addEventListener(type, listener);
      stop.signal.addEventListener("abort", onStop);
    });
  }
}

/** A frame's size and kind for a log line; never its content, which may hold names or tokens. */
function describeData(data: unknown): string {
  return typeof data === "string" ? `${data.length} characters` : `not text: ${typeof data}`;
}
