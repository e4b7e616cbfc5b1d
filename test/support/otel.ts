// The README's "Tracing" recipe, as the tests run it: the three channels as OpenTelemetry
// spans, an attempt's and a token request's span the child of the span current when it starts.
import { AsyncLocalStorage } from "node:async_hooks";
import { tracingChannel } from "node:diagnostics_channel";
import { context, SpanStatusCode, trace, type Context, type Span, type Tracer } from "@opentelemetry/api";

/** Subscribes `tracer` to the client's channels; returns how to unsubscribe. */
export function traceMeetingControl(tracer: Tracer): () => void {
  const current = new AsyncLocalStorage<Context>();
  const spans = new WeakMap<object, Span>();
  const undo: (() => void)[] = [];
  for (const name of ["operation", "attempt", "token"] as const) {
    const channel = tracingChannel<Context, Record<string, any>>(`huaweicloud-meeting-control:${name}`);
    // Each span starts as the child of what is current: the caller's span, the operation's, the token request's.
    channel.start.bindStore(current, (ctx) => {
      const parent = current.getStore() ?? context.active();
      const title = name === "attempt" ? `${ctx.method} ${ctx.operationId} #${ctx.attempt}` : name === "token" ? "meeting-control token" : `meeting-control ${ctx.operationId}`;
      const span = tracer.startSpan(title, { attributes: attributes(ctx) }, parent);
      spans.set(ctx, span);
      return trace.setSpan(parent, span);
    });
    const error = (ctx: Record<string, any>) => {
      spans.get(ctx)?.recordException(ctx.error);
      spans.get(ctx)?.setStatus({ code: SpanStatusCode.ERROR, message: ctx.error?.message });
    };
    const asyncEnd = (ctx: Record<string, any>) => {
      spans.get(ctx)?.setAttributes(attributes(ctx)).end();
      spans.delete(ctx);
    };
    channel.error.subscribe(error as (message: unknown) => void);
    channel.asyncEnd.subscribe(asyncEnd as (message: unknown) => void);
    undo.push(() => {
      channel.start.unbindStore(current);
      channel.error.unsubscribe(error as (message: unknown) => void);
      channel.asyncEnd.unsubscribe(asyncEnd as (message: unknown) => void);
    });
  }
  return () => undo.forEach((f) => f());
}

/** The context's fields as span attributes (never `result` or `error`). */
function attributes({ result, error, ...fields }: Record<string, any>) {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [`meeting_control.${key}`, value]),
  );
}
