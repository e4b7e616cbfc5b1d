// Tracing on node:diagnostics_channel: three TracingChannels — an operation per facade call, an
// attempt per HTTP exchange, a request per token obtained or renewed. A context is built only
// while someone subscribes. The entries that have diagnostics_channel hand it in through their
// `Platform`; the browser entry has none and never imports this file.
import { noAnswerError } from "./errors.js";
import { operationIds } from "./generated/operations.js";
import type { TokenTracer } from "./token/managed.js";
import type { AttemptTracer } from "./transport/retrying.js";

/** The spec's operationIds. */
export type OperationId = (typeof operationIds)[keyof typeof operationIds];

/**
 * The context of `huaweicloud-meeting-control:operation`: one facade call. `operationId` is the
 * spec's operationId of the call the method makes (`"token"` for `conf.token()`, which may be
 * answered from the cache). `result` is what the call resolves with, left out where that is a
 * secret (the token); `error` is the `MeetingError` (or the abort reason) it rejects with.
 */
export interface OperationContext {
  operationId: OperationId | "token" | "waitUntilSharing" | "waitUntil" | "roster";
  conferenceID: string;
  participantID?: string;
  result?: unknown;
  error?: unknown;
}

/**
 * The context of `huaweicloud-meeting-control:attempt`: one HTTP exchange. `path` is the URL's
 * path, without the query. `status` (when an answer came) and `retryInMs` (when another
 * attempt follows) are set before the attempt settles. `error` is why no answer came: a
 * `MeetingTimeoutError`, a `MeetingConnectionError` (its `cause` the transport's error), or
 * the abort reason.
 */
export interface AttemptContext {
  operationId: OperationId | "unknown";
  method: string;
  path: string;
  attempt: number;
  status?: number;
  retryInMs?: number;
  error?: unknown;
}

/** The context of `huaweicloud-meeting-control:token`: one token request; `renewal` when a valid token is being renewed. Never a result: the answer is the token. */
export interface TokenContext {
  conferenceID: string;
  renewal: boolean;
  error?: unknown;
}

/** The tracing of an entry with diagnostics_channel: its handles' methods, its attempts, its token requests. */
export interface Tracing {
  /** Runs one call of a method from the operation table as an operation; `shown`: its result may go into the context. */
  operation<T>(context: OperationContext, work: () => Promise<T>, shown: boolean): Promise<T>;
  /** Begins an attempt: publishes its start and returns how to settle it; `undefined` while nobody subscribes. */
  attempt: AttemptTracer;
  /** Runs a token request as one traced unit. */
  token: TokenTracer;
}

export const CHANNELS = {
  operation: "huaweicloud-meeting-control:operation",
  attempt: "huaweicloud-meeting-control:attempt",
  token: "huaweicloud-meeting-control:token",
} as const;

/** One of a TracingChannel's five channels: the parts used here. */
interface Subchannel {
  readonly hasSubscribers: boolean;
  publish(message: unknown): void;
  runStores<T>(context: object, fn: () => T): T;
}

/**
 * A TracingChannel: the parts used here. `hasSubscribers` may be missing: Bun's port of
 * node:diagnostics_channel lacked it (oven-sh/bun#27805), and the universal entry runs there.
 */
interface TracingChannel {
  readonly hasSubscribers?: boolean;
  start: Subchannel;
  end: Subchannel;
  asyncStart: Subchannel;
  asyncEnd: Subchannel;
  error: Subchannel;
}

/** `node:diagnostics_channel`, as far as it is used: declared here, so that the package's types need no Node types. */
export interface Diagnostics {
  tracingChannel(name: string): TracingChannel;
}

/** Whether anyone listens: `TracingChannel#hasSubscribers`, else (Bun) its five channels'. */
function watched(channel: TracingChannel): boolean {
  const { start, end, asyncStart, asyncEnd, error } = channel;
  return channel.hasSubscribers ?? (start.hasSubscribers || end.hasSubscribers || asyncStart.hasSubscribers || asyncEnd.hasSubscribers || error.hasSubscribers);
}

/**
 * A traced unit, in `tracePromise`'s order: `start` (bound stores applied) and `end` around
 * the synchronous part, then, once settled, `error` if it failed, `asyncStart` and `asyncEnd`.
 * Unlike `tracePromise`, the caller decides what goes into `context.result`.
 */
function begin(channel: TracingChannel, context: { result?: unknown; error?: unknown }) {
  return {
    run: <T>(fn: () => Promise<T>): Promise<T> =>
      channel.start.runStores(context, () => {
        try {
          return fn();
        } finally {
          channel.end.publish(context);
        }
      }),
    settle(error?: unknown, result?: unknown) {
      if (error !== undefined) {
        context.error = error;
        channel.error.publish(context);
      } else if (result !== undefined) context.result = result;
      channel.asyncStart.publish(context);
      channel.asyncEnd.publish(context);
    },
  };
}

/** `fn` as one traced unit of `channel`; `shown` is what of its result goes into the context. */
function traced<T>(channel: TracingChannel, context: object, fn: () => Promise<T>, shown: (value: T) => unknown): Promise<T> {
  const { run, settle } = begin(channel, context);
  return run(fn).then(
    (value) => {
      settle(undefined, shown(value));
      return value;
    },
    (error: unknown) => {
      settle(error ?? new Error("rejected without a reason"));
      throw error;
    },
  );
}

const hidden = () => undefined;

/** The operationId of a request, by the spec; a path under a `baseUrl` path prefix matches too. */
function operationIdOf(method: string, path: string): AttemptContext["operationId"] {
  for (const [key, operationId] of Object.entries(operationIds)) {
    const space = key.indexOf(" ");
    if (key.slice(0, space) === method && path.endsWith(key.slice(space + 1))) return operationId;
  }
  return "unknown";
}

/** The tracing of an entry whose runtime has `node:diagnostics_channel`; `undefined` for one without. */
export function tracing(dc: Diagnostics | undefined): Tracing | undefined {
  if (typeof dc?.tracingChannel !== "function") return undefined;
  const operation = dc.tracingChannel(CHANNELS.operation);
  const attempt = dc.tracingChannel(CHANNELS.attempt);
  const token = dc.tracingChannel(CHANNELS.token);
  return {
    operation: (context, work, shown) => (watched(operation) ? traced(operation, context, work, shown ? (value) => value : hidden) : work()),
    attempt(method, url, n) {
      if (!watched(attempt)) return undefined;
      const path = new URL(url).pathname;
      const context: AttemptContext = { operationId: operationIdOf(method, path), method, path, attempt: n };
      // The exchange is the transport's own, not run here: `start` and `end` are published at
      // once (with the operation's stores current, and the attempt's bound stores applied), and
      // the attempt settles when the transport has decided what follows it.
      const { run, settle } = begin(attempt, context);
      void run(async () => {});
      return (outcome, retryInMs) => {
        if (retryInMs !== undefined) context.retryInMs = retryInMs;
        const { status, error, reason } = outcome as { status?: number; error?: unknown; reason?: unknown };
        if (status !== undefined) context.status = status;
        const call = `${method} ${path}, attempt ${n}`;
        if (status !== undefined) settle();
        else if (outcome === "timeout") settle(noAnswerError(call, outcome, n));
        else if ("error" in (outcome as object)) settle(noAnswerError(call, { error }, n));
        else settle(reason ?? new Error("aborted without a reason"));
      };
    },
    token: (conferenceID, renewal, request) => (watched(token) ? traced(token, { conferenceID, renewal } satisfies TokenContext, request, hidden) : request()),
  };
}
