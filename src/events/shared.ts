// One channel per conference per client: opened by the first consumer (an event stream or a
// wait), closed when the last one leaves. It owns the connection and the roster; each frame
// goes to every consumer at once, and each consumer decides what to keep (a bounded queue, or
// only a look at the roster), so a slow one never delays the others and a reconnection serves
// them all.
import { ChannelConnection, type ConnectionSettings } from "./connection.js";
import type { ChannelContext, ChannelParts } from "./link.js";
import { type Applied, Roster } from "./roster.js";

/** One user of the channel: `conf.events()` or a wait. */
export interface Consumer {
  /** What one frame did; the roster has taken it already. */
  deliver(applied: Applied): void;
  /** The channel ended (the meeting ended, the token was refused, reconnecting failed). */
  end(error: unknown): void;
}

/** Channels by client (its channel context) and by conference and connection settings. */
const open = new WeakMap<ChannelContext, Map<string, SharedChannel>>();

/**
 * The conference's channel for these settings: the one open, or a new one (which connects at
 * once; its first consumer joins right after). Consumers whose `heartBeatMs` or
 * `maxReconnects` differ get channels of their own.
 */
export function channelFor(parts: ChannelParts, settings: ConnectionSettings): SharedChannel {
  let channels = open.get(parts.channel);
  if (!channels) {
    channels = new Map();
    open.set(parts.channel, channels);
  }
  const key = `${parts.conferenceID} ${settings.heartBeatMs} ${settings.maxReconnects}`;
  const existing = channels.get(key);
  if (existing) return existing;
  const own = channels;
  const made: SharedChannel = new SharedChannel(parts, settings, () => {
    if (own.get(key) === made) own.delete(key);
  });
  channels.set(key, made);
  return made;
}

export class SharedChannel {
  readonly roster = new Roster();
  private readonly consumers = new Set<Consumer>();
  private readonly connection: ChannelConnection;

  constructor(
    parts: ChannelParts,
    settings: ConnectionSettings,
    private readonly forget: () => void,
  ) {
    this.connection = new ChannelConnection(
      parts,
      settings,
      this.roster,
      (applied) => {
        // A consumer may leave while being told (a wait that is satisfied): iterate over a copy.
        for (const consumer of [...this.consumers]) consumer.deliver(applied);
      },
      (error) => {
        this.forget();
        const consumers = [...this.consumers];
        this.consumers.clear();
        for (const consumer of consumers) consumer.end(error);
      },
    );
  }

  /** Connections opened so far, each with its own WebSocket token. */
  get connections(): number {
    return this.connection.connections;
  }

  /** Consumers now. */
  get size(): number {
    return this.consumers.size;
  }

  join(consumer: Consumer): void {
    this.consumers.add(consumer);
  }

  /** `consumer` leaves; the last to leave closes the channel. */
  leave(consumer: Consumer): void {
    if (!this.consumers.delete(consumer) || this.consumers.size > 0) return;
    this.forget();
    this.connection.close();
  }
}
