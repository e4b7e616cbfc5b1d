import * as diagnostics from "node:diagnostics_channel";
import { tracingChannel } from "node:diagnostics_channel";
import { join } from "node:path";
import { SpanStatusCode } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { build } from "esbuild";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { root } from "../../scripts/prism.js";
import { BadRequestError, MeetingInputError } from "../../src/node.js";
import { CHANNELS, tracing } from "../../src/tracing.js";
import { traceMeetingControl } from "../support/otel.js";
import { startFaultServer, type FaultServer, type Step } from "../support/servers/faults.js";
import { transports } from "../support/transports.js";

const TOKEN = "EXAMPLE-tracing-token-5d8e";
const PASSWORD = "EXAMPLE-tracing-password-c41b";
const NONCE = "EXAMPLE-tracing-nonce-0a9f";
const INVITE = "/v1/mmc/control/conferences/participants/share/invite";
const TOKEN_PATH = "/v1/mmc/control/conferences/token";
const EVENTS = ["start", "end", "asyncStart", "asyncEnd", "error"] as const;

type Event = { channel: keyof typeof CHANNELS; event: (typeof EVENTS)[number]; context: Record<string, any> };

/** Subscribes to every event of the three channels; `stop()` unsubscribes. */
function listen() {
  const events: Event[] = [];
  const stops = Object.keys(CHANNELS).map((key) => {
    const channel = key as keyof typeof CHANNELS;
    const subscribers = Object.fromEntries(EVENTS.map((event) => [event, (context: Record<string, any>) => events.push({ channel, event, context })]));
    tracingChannel(CHANNELS[channel]).subscribe(subscribers as never);
    return () => tracingChannel(CHANNELS[channel]).unsubscribe(subscribers as never);
  });
  return { events, stop: () => stops.forEach((stop) => stop()) };
}

const retried: Step[] = [{ status: 503, headers: { "Retry-After": "0" }, body: "{}" }, { status: 200 }];
const tokenAnswer = (token: string, seconds = 1800): Step => ({ status: 200, body: JSON.stringify({ data: { token, confTokenExpireTime: seconds } }) });

describe.each(transports)("on the %s transport", (_transport, createMeetingClient) => {
  const servers: FaultServer[] = [];
  const stops: (() => void)[] = [];
  afterEach(() => stops.splice(0).forEach((stop) => stop()));
  afterAll(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  async function serve(script: Step[]) {
    const server = await startFaultServer(script);
    servers.push(server);
    return { server, meeting: createMeetingClient({ baseUrl: server.url }) };
  }
  function subscribe() {
    const listening = listen();
    stops.push(listening.stop);
    return listening.events;
  }

  it("a call retried once: start and end of the operation and of both attempts, with their fields", async () => {
    const { meeting } = await serve(retried);
    const events = subscribe();
    await meeting.conference("986947855", { token: TOKEN }).inviteToShare("p1");

    const operation = events.filter((e) => e.channel === "operation");
    expect(operation.map((e) => e.event)).toEqual(["start", "end", "asyncStart", "asyncEnd"]);
    expect(new Set(operation.map((e) => e.context)).size).toBe(1);
    expect(operation[0]!.context).toEqual({ operationId: "inviteShare", conferenceID: "986947855", participantID: "p1" });

    const attempts = events.filter((e) => e.channel === "attempt");
    expect(attempts.map((e) => `${e.context.attempt} ${e.event}`)).toEqual(["1 start", "1 end", "1 asyncStart", "1 asyncEnd", "2 start", "2 end", "2 asyncStart", "2 asyncEnd"]);
    const [first, second] = [attempts[0]!.context, attempts[4]!.context];
    expect(first).toEqual({ operationId: "inviteShare", method: "PUT", path: INVITE, attempt: 1, status: 503, retryInMs: 0 });
    expect(second).toEqual({ operationId: "inviteShare", method: "PUT", path: INVITE, attempt: 2, status: 200 });
    // The attempts happen within the operation: after its start, before its settling.
    const order = events.map((e) => `${e.channel} ${e.event}`);
    expect(order.indexOf("operation start")).toBeLessThan(order.indexOf("attempt start"));
    expect(order.lastIndexOf("attempt asyncEnd")).toBeLessThan(order.indexOf("operation asyncStart"));
    expect(events.some((e) => e.event === "error")).toBe(false);
  });

  it("status and retryInMs are on the context before the attempt settles", async () => {
    const { meeting } = await serve(retried);
    const seen: unknown[] = [];
    const settled = (context: unknown) => seen.push({ ...(context as object) });
    const channel = tracingChannel(CHANNELS.attempt);
    channel.asyncStart.subscribe(settled);
    stops.push(() => channel.asyncStart.unsubscribe(settled));
    await meeting.conference("986947855", { token: TOKEN }).inviteToShare("p1");
    expect(seen).toMatchObject([
      { attempt: 1, status: 503, retryInMs: 0 },
      { attempt: 2, status: 200 },
    ]);
  });

  it("a failing operation: the MeetingError on the operation's context, an error event, and no answer as an attempt's error", async () => {
    const { meeting } = await serve([{ status: 400, body: JSON.stringify({ error_code: "MMC.111070005", error_msg: "no such conference" }) }]);
    const events = subscribe();
    const failure = await meeting
      .conference("986947855", { token: TOKEN })
      .realTimeInfo()
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BadRequestError);
    const operation = events.filter((e) => e.channel === "operation");
    expect(operation.map((e) => e.event)).toEqual(["start", "end", "error", "asyncStart", "asyncEnd"]);
    expect(operation[0]!.context).toMatchObject({ operationId: "showRealTimeInfoOfMeeting", error: failure });
    expect(operation[0]!.context).not.toHaveProperty("participantID");
    // The attempt itself was answered: a 400 is a status, not an attempt's error.
    expect(events.filter((e) => e.channel === "attempt" && e.event === "asyncEnd").map((e) => e.context)).toEqual([
      { operationId: "showRealTimeInfoOfMeeting", method: "GET", path: "/v1/mmc/control/conferences/realTimeInfo", attempt: 1, status: 400 },
    ]);

    const { meeting: down } = await serve(["reset"]);
    const lost = await down
      .conference("986947855", { token: TOKEN })
      .inviteToShare("p1", { maxRetries: 0 })
      .catch((e: unknown) => e);
    const attempt = events.find((e) => e.channel === "attempt" && e.event === "error" && e.context.operationId === "inviteShare")!;
    expect(attempt.context.error).toMatchObject({ name: "MeetingConnectionError", attempts: 1 });
    expect(attempt.context).not.toHaveProperty("status");
    expect(events.filter((e) => e.channel === "operation" && e.event === "error").map((e) => e.context.error)).toEqual([failure, lost]);
  });

  it("bad input is the operation's error, and no attempt is made", async () => {
    const { server, meeting } = await serve([{ status: 200 }]);
    const events = subscribe();
    const failure = await meeting
      .conference("986947855", { token: TOKEN })
      .inviteToShare(42 as never)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MeetingInputError);
    expect(events.map((e) => `${e.channel} ${e.event}`)).toEqual(["operation start", "operation end", "operation error", "operation asyncStart", "operation asyncEnd"]);
    expect(events[0]!.context).toEqual({ operationId: "inviteShare", conferenceID: "986947855", error: failure });
    expect(server.requests).toHaveLength(0);
  });

  it("an attempt given up by the caller's abort settles with the abort reason", async () => {
    const { meeting } = await serve(["hang"]);
    const events = subscribe();
    const controller = new AbortController();
    const call = meeting.conference("986947855", { token: TOKEN }).inviteToShare("p1", { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("EXAMPLE: caller gave up")), 50);
    await expect(call).rejects.toThrow("caller gave up");
    const attempt = events.filter((e) => e.channel === "attempt").map((e) => e.event);
    expect(attempt).toEqual(["start", "end", "error", "asyncStart", "asyncEnd"]);
  });

  it("the token channel: one request per token obtained or renewed, with renewal; never the token or the password", async () => {
    // A 2 s lifetime: renewal is due after 1 s.
    const { server, meeting } = await serve([tokenAnswer(TOKEN, 2), { status: 200 }, tokenAnswer(`${TOKEN}-renewed`), { status: 200 }]);
    const events = subscribe();
    const conf = meeting.conference("986947855", { hostPassword: PASSWORD, nonce: NONCE });
    await conf.inviteToShare("p1");
    await expect(conf.token()).resolves.toBe(TOKEN);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await conf.inviteToShare("p1");
    expect(server.requests.map((r) => r.target.split("?")[0])).toEqual([TOKEN_PATH, INVITE, TOKEN_PATH, INVITE]);

    const tokens = events.filter((e) => e.channel === "token" && e.event === "start").map((e) => e.context);
    expect(tokens).toEqual([
      { conferenceID: "986947855", renewal: false },
      { conferenceID: "986947855", renewal: true },
    ]);
    expect(events.filter((e) => e.channel === "token").map((e) => e.event)).toEqual(["start", "end", "asyncStart", "asyncEnd", "start", "end", "asyncStart", "asyncEnd"]);
    const tokenAttempts = events.filter((e) => e.channel === "attempt" && e.event === "start" && e.context.operationId === "createConfToken");
    expect(tokenAttempts.map((e) => e.context.path)).toEqual([TOKEN_PATH, TOKEN_PATH]);
    const operations = events.filter((e) => e.channel === "operation" && e.event === "asyncEnd").map((e) => e.context);
    expect(operations.map((c) => c.operationId)).toEqual(["inviteShare", "token", "inviteShare"]);
    expect(operations[1]).not.toHaveProperty("result");
    expectNoSecret(events.map((e) => e.context));
  });

  it("no secret in any context: not the token a provider gives, nor one a server echoes in an error", async () => {
    const echo = JSON.stringify({ error_code: "MMC.118000001", error_msg: `token ${TOKEN} refused`, password: PASSWORD });
    // The provided token's handle never holds the password: its 403 echoes the token only.
    const echoToken = JSON.stringify({ error_code: "MMC.118000001", error_msg: `token ${TOKEN} refused` });
    const { meeting } = await serve([
      tokenAnswer(TOKEN),
      { status: 403, headers: { "x-echo": TOKEN }, body: echo },
      { status: 403, headers: { "x-echo": TOKEN }, body: echoToken },
    ]);
    const events = subscribe();
    const managed = meeting.conference("986947855", { hostPassword: PASSWORD });
    await expect(managed.token()).resolves.toBe(TOKEN);
    await expect(managed.inviteToShare("p1")).rejects.toThrow();
    const provided = meeting.conference("986947855", { token: () => TOKEN });
    await expect(provided.token()).resolves.toBe(TOKEN);
    await expect(provided.realTimeInfo()).rejects.toThrow();
    expect(events.filter((e) => e.channel === "operation" && e.event === "asyncEnd")).toHaveLength(4);
    expectNoSecret(events.map((e) => e.context));
  });

  it("as OpenTelemetry spans: one per operation, a child per attempt, a retry as two attempts, the error recorded", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    stops.push(traceMeetingControl(provider.getTracer("test")));
    const { meeting } = await serve(retried);
    await meeting.conference("986947855", { token: TOKEN }).inviteToShare("p1");
    const { meeting: failing } = await serve([{ status: 400, body: JSON.stringify({ error_code: "MMC.111072005", error_msg: "not started" }) }]);
    await expect(failing.conference("986947855", { token: TOKEN }).inviteToShare("p2")).rejects.toBeInstanceOf(BadRequestError);

    const spans = exporter.getFinishedSpans();
    const parentOf = (span: ReadableSpan) => spans.find((s) => s.spanContext().spanId === span.parentSpanContext?.spanId);
    const operations = spans.filter((s) => s.name === "meeting-control inviteShare");
    expect(operations).toHaveLength(2);
    const [ok, failed] = operations.sort((a, b) =>
      (a.attributes["meeting_control.participantID"] as string).localeCompare(b.attributes["meeting_control.participantID"] as string),
    );
    expect(ok!.parentSpanContext).toBeUndefined();
    expect(ok!.attributes).toEqual({ "meeting_control.operationId": "inviteShare", "meeting_control.conferenceID": "986947855", "meeting_control.participantID": "p1" });
    expect(ok!.status.code).toBe(SpanStatusCode.UNSET);
    const attempts = spans.filter((s) => parentOf(s) === ok);
    expect(attempts.map((s) => [s.name, s.attributes["meeting_control.status"], s.attributes["meeting_control.retryInMs"]])).toEqual([
      ["PUT inviteShare #1", 503, 0],
      ["PUT inviteShare #2", 200, undefined],
    ]);
    expect(failed!.status).toEqual({ code: SpanStatusCode.ERROR, message: expect.stringContaining("not started") });
    expect(failed!.events.map((e) => [e.name, e.attributes?.["exception.type"]])).toEqual([["exception", "BadRequestError"]]);
    expect(spans.filter((s) => parentOf(s) === failed).map((s) => s.attributes["meeting_control.status"])).toEqual([400]);
    expect(spans).toHaveLength(5);
  });

  it("the token request as a span between the operation and its attempt", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    stops.push(traceMeetingControl(provider.getTracer("test")));
    const { meeting } = await serve([tokenAnswer(TOKEN), { status: 200 }]);
    await meeting.conference("986947855", { hostPassword: PASSWORD }).inviteToShare("p1");
    const spans = exporter.getFinishedSpans();
    const named = (name: string) => spans.find((s) => s.name === name)!;
    const parent = (name: string) => named(name).parentSpanContext?.spanId;
    expect(parent("meeting-control token")).toBe(named("meeting-control inviteShare").spanContext().spanId);
    expect(parent("GET createConfToken #1")).toBe(named("meeting-control token").spanContext().spanId);
    expect(parent("PUT inviteShare #1")).toBe(named("meeting-control inviteShare").spanContext().spanId);
    expect(named("meeting-control token").attributes).toEqual({ "meeting_control.conferenceID": "986947855", "meeting_control.renewal": false });
  });

  it("with nobody subscribed, nothing is published and calls go through", async () => {
    const { server, meeting } = await serve(retried);
    const listening = listen();
    listening.stop();
    await meeting.conference("986947855", { token: TOKEN }).inviteToShare("p1");
    expect(server.requests).toHaveLength(2);
    expect(listening.events).toEqual([]);
  });
});

describe("tracing(diagnostics_channel)", () => {
  it("is nothing without diagnostics_channel or its TracingChannel", () => {
    expect(tracing(undefined)).toBeUndefined();
    expect(tracing({} as typeof diagnostics)).toBeUndefined();
  });

  it("without TracingChannel#hasSubscribers (Node before 20.13, other runtimes), asks the five channels", async () => {
    const old = {
      ...diagnostics,
      tracingChannel: (name: string) => Object.defineProperty(diagnostics.tracingChannel(name), "hasSubscribers", { value: undefined }),
    } as typeof diagnostics;
    const traced = tracing(old)!;
    const request = async () => "EXAMPLE-token";
    const seen: unknown[] = [];
    const onEnd = (context: unknown) => seen.push(context);
    await traced.token("1", false, request);
    expect(seen).toEqual([]);
    tracingChannel(CHANNELS.token).asyncEnd.subscribe(onEnd);
    try {
      await expect(traced.token("1", false, request)).resolves.toBe("EXAMPLE-token");
    } finally {
      tracingChannel(CHANNELS.token).asyncEnd.unsubscribe(onEnd);
    }
    expect(seen).toEqual([{ conferenceID: "1", renewal: false }]);
    expect(traced.attempt("GET", "http://127.0.0.1/v1/mmc/control/conferences/token", 1)).toBeUndefined();
  });

  it("names an attempt by the spec's operationId, under a baseUrl path prefix too", () => {
    const seen: Record<string, any>[] = [];
    const onStart = (context: unknown) => seen.push(context as Record<string, any>);
    tracingChannel(CHANNELS.attempt).start.subscribe(onStart);
    try {
      const traced = tracing(diagnostics)!;
      traced.attempt("GET", "https://proxy.example/meeting/v1/mmc/control/conferences/realTimeInfo?conferenceID=1", 1)!({ status: 200 });
      traced.attempt("PUT", "https://proxy.example/v1/mmc/control/conferences/updateStartedConfConfig", 1)!({ status: 200 });
      traced.attempt("DELETE", "https://proxy.example/v1/mmc/control/conferences/realTimeInfo", 1)!({ status: 200 });
    } finally {
      tracingChannel(CHANNELS.attempt).start.unsubscribe(onStart);
    }
    expect(seen.map((c) => [c.operationId, c.path])).toEqual([
      ["showRealTimeInfoOfMeeting", "/meeting/v1/mmc/control/conferences/realTimeInfo"],
      ["updateStartedConfConfig", "/v1/mmc/control/conferences/updateStartedConfConfig"],
      ["unknown", "/v1/mmc/control/conferences/realTimeInfo"],
    ]);
  });
});

describe("the entries without tracing in their bundle", () => {
  const bundle = async (entry: string, platform: "browser" | "neutral") => {
    const result = await build({
      entryPoints: [join(root, "src", entry)],
      bundle: true,
      write: false,
      format: "esm",
      platform,
      external: ["openapi-fetch", "undici", "node:*"],
      logLevel: "silent",
    });
    return result.outputFiles[0]!.text;
  };

  it("the browser entry has neither the channels nor diagnostics_channel", async () => {
    const code = await bundle("browser.ts", "browser");
    expect(code).toContain("createMeetingClient");
    expect(code).not.toContain("huaweicloud-meeting-control:");
    expect(code).not.toContain("diagnostics_channel");
  });

  it("the universal entry looks diagnostics_channel up at run time, with no static import", async () => {
    const code = await bundle("universal.ts", "neutral");
    expect(code).toContain("huaweicloud-meeting-control:operation");
    expect(code).toContain('getBuiltinModule?.("node:diagnostics_channel")');
    expect(code).not.toMatch(/(import|from)\s*["']node:diagnostics_channel["']/);
  });
});

/** Searches every string reachable from the contexts — own properties, hidden ones (an error's message, stack, cause), Headers, Maps — for a secret. */
function expectNoSecret(contexts: object[]) {
  const seen = new Set<unknown>();
  const found: string[] = [];
  let strings = 0;
  const visit = (value: unknown, path: string) => {
    if (typeof value === "string") {
      strings++;
      for (const secret of [TOKEN, PASSWORD, NONCE]) if (value.includes(secret)) found.push(`${path}: ${secret}`);
      return;
    }
    if (!value || (typeof value !== "object" && typeof value !== "function") || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Headers || value instanceof Map) for (const [k, v] of value) visit(`${k}: ${v}`, `${path}[${k}]`);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      visit("value" in descriptor ? descriptor.value : undefined, `${path}.${String(key)}`);
    }
  };
  const unique = [...new Set(contexts)];
  unique.forEach((context, i) => visit(context, `context ${i}`));
  expect(strings).toBeGreaterThan(unique.length * 2); // the walk reached the contexts' strings
  expect(found).toEqual([]);
}
