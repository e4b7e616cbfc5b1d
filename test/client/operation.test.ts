// The call pipeline (src/call/operation.ts) on a `fetch` the test answers itself: the exact
// request each kind of method sends, the input it takes or refuses, the token phase and its one
// retry on a 401, the secrets kept out of errors, and the operation and attempt traces. No
// socket: every answer is made here, in milliseconds.
import { tracingChannel } from "node:diagnostics_channel";
import { afterEach, describe, expect, it } from "vitest";
import { createMeetingClient as createInBrowser } from "../../src/browser.js";
import type { Api } from "../../src/api.js";
import { authorizer, call, type CallContext, type OperationId } from "../../src/call/operation.js";
import { type FacadeMethod, type Operation, operations } from "../../src/generated/operations.js";
import { createMeetingClient } from "../../src/node.js";
import { tokenSources } from "../../src/token/source.js";
import { CHANNELS } from "../../src/tracing.js";
import type { Transport } from "../../src/transport/retrying.js";

const CONFERENCE = "986947855";
const PID = "p-17";
const TOKEN = "EXAMPLE-operation-token-1";
const FRESH = "EXAMPLE-operation-token-2";
const CONTROL = "/v1/mmc/control/conferences";

/** One request as the `fetch` saw it. */
interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = { status?: number; body?: string; headers?: Record<string, string> };

/** A client whose `fetch` records each request and answers from `answers` in turn (then 200 with no body). */
function client(answers: Answer[] = []) {
  const sent: Sent[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const headers = Object.fromEntries(new Headers(init.headers));
    sent.push({ method: init.method ?? "GET", url, headers, body: typeof init.body === "string" ? JSON.parse(init.body) : init.body });
    const { status = 200, body = "", headers: answerHeaders = {} } = answers.shift() ?? {};
    return new Response(body === "" ? null : body, { status, headers: { "Content-Type": "application/json", ...answerHeaders } });
  };
  const meeting = createMeetingClient({ baseUrl: "http://127.0.0.1:9", fetch });
  return { meeting, sent };
}

const url = (path: string, query: string) => `http://127.0.0.1:9${CONTROL}${path}?${query}`;
/** The headers a control request carries: the token, and the content type when it has a body. */
const headers = (token: string, json = true) => ({ ...(json && { "content-type": "application/json" }), "x-conference-authorization": token });

/** The error a promise rejects with. */
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Error & Record<string, unknown>,
  );

// First in the file: the handles' prototype of generated methods is made once, by the first handle
// made, so a mutation run credits that code to the first test that makes one.
describe("a handle", () => {
  it("a generated method is listed on its handle, and once read is the handle's own, the same function each time", () => {
    const participant = createMeetingClient().conference(CONFERENCE, { token: TOKEN }).participant(PID);
    const listed: string[] = [];
    for (const key in participant) listed.push(key);
    const methods = Object.values(operations as Record<string, Operation>).flatMap((operation) =>
      operation.facade.filter((m) => m.method.startsWith("participant.")).map((m) => m.method.slice("participant.".length)),
    );
    expect(listed.sort()).toEqual(["conferenceID", "participantID", ...methods].sort());
    expect(Object.keys(participant)).toEqual(["conferenceID", "participantID"]);
    const { mute } = participant;
    expect(Object.getOwnPropertyDescriptor(participant, "mute")).toEqual({ value: mute, enumerable: true, writable: true, configurable: true });
    expect(participant.mute).toBe(mute);
  });
});

describe("the request a method sends", () => {
  it("a participant method with the ID in the query takes its options as its first parameter", async () => {
    const { meeting, sent } = client();
    await meeting
      .conference(CONFERENCE, { token: TOKEN })
      .participant(PID)
      .mute({ headers: { "X-Trace": "t1" } });
    expect(sent).toEqual([
      {
        method: "PUT",
        url: url("/participants/mute", `conferenceID=${CONFERENCE}&participantID=${PID}`),
        headers: { ...headers(TOKEN), "x-trace": "t1" },
        body: { isMute: 1 },
      },
    ]);
  });

  it("a participant method with the ID in the body puts the handle's ID there, and refuses a participantID in its input", async () => {
    const { meeting, sent } = client();
    const participant = meeting.conference(CONFERENCE, { token: TOKEN }).participant(PID);
    await participant.rename({ number: "+8612345", newName: "Alice" });
    const error = await rejection(participant.rename({ participantID: "p-other", number: "+8612345", newName: "Alice" } as never));
    expect(error).toMatchObject({ name: "MeetingInputError", field: "input", message: 'input has no field "participantID": the fields are number, newName' });
    expect(sent).toEqual([
      { method: "PUT", url: url("/participants/name", `conferenceID=${CONFERENCE}`), headers: headers(TOKEN), body: { participantID: PID, number: "+8612345", newName: "Alice" } },
    ]);
  });

  it("a participant method that takes no input takes its options first, and sends the handle's ID in the body", async () => {
    const { meeting, sent } = client();
    await meeting
      .conference(CONFERENCE, { token: TOKEN })
      .participant(PID)
      .admit({ headers: { "X-Trace": "t2" } });
    expect(sent).toEqual([
      {
        method: "PUT",
        url: url("/allowWaitingParticipant", `conferenceID=${CONFERENCE}`),
        headers: { ...headers(TOKEN), "x-trace": "t2" },
        body: { allowAll: false, participantID: PID },
      },
    ]);
  });

  it("a conference method takes a participantID in its input as a field like any other", async () => {
    const { meeting, sent } = client();
    await meeting.conference(CONFERENCE, { token: TOKEN }).setHostView({ viewType: 1, participantID: "p-9" } as never);
    expect(sent).toEqual([{ method: "PUT", url: url("/chairView", `conferenceID=${CONFERENCE}`), headers: headers(TOKEN), body: { viewType: 1, participantID: "p-9" } }]);
  });

  it("an argument that is a body participantID is checked by its rule, the handle's ID going into the query", async () => {
    const { meeting, sent } = client();
    const participant = meeting.conference(CONFERENCE, { token: TOKEN }).participant(PID);
    const error = await rejection(participant.view(42 as never));
    expect(error).toMatchObject({ name: "MeetingInputError", field: "participantID", message: "participantID must be a string, got 42" });
    await participant.view("p-2");
    expect(sent).toEqual([
      { method: "PUT", url: url("/partView", `conferenceID=${CONFERENCE}&participantID=${PID}`), headers: headers(TOKEN), body: { viewType: 2, participantID: "p-2" } },
    ]);
  });

  it("a method that sends only its fixed fields takes its options first, whatever the body's minimum", async () => {
    const { meeting, sent } = client();
    await meeting.conference(CONFERENCE, { token: TOKEN }).lockSharing({ headers: { "X-Trace": "t3" } });
    expect(sent).toEqual([
      { method: "PUT", url: url("/updateStartedConfConfig", `conferenceID=${CONFERENCE}`), headers: { ...headers(TOKEN), "x-trace": "t3" }, body: { lockSharing: 1 } },
    ]);
  });

  it("a method without a body sends none, and takes its options first", async () => {
    const { meeting, sent } = client();
    await meeting.conference(CONFERENCE, { token: TOKEN }).stop({ headers: { "X-Trace": "t4" } });
    expect(sent).toEqual([{ method: "PUT", url: url("/stop", `conferenceID=${CONFERENCE}`), headers: { ...headers(TOKEN, false), "x-trace": "t4" }, body: null }]);
  });

  it("an input with a minimum of fields is refused below it, and as a whole when it is not an object", async () => {
    const { meeting, sent } = client();
    const conf = meeting.conference(CONFERENCE, { token: TOKEN });
    const refusals = await Promise.all([{}, undefined, null, [], "x"].map((input) => rejection(conf.updateSettings(input as never))));
    expect(refusals.map((error) => [error?.name, error?.field, error?.message])).toEqual([
      ["MeetingInputError", "settings", "settings must hold at least one setting, got none"],
      ["MeetingInputError", "settings", "settings must be an object, got undefined"],
      ["MeetingInputError", "settings", "settings must be an object, got null"],
      ["MeetingInputError", "settings", "settings must be an object, got an array"],
      ["MeetingInputError", "settings", "settings must be an object, got string"],
    ]);
    await conf.updateSettings({ isLock: 1 }, { headers: { "X-Trace": "t5" } });
    expect(sent).toEqual([
      { method: "PUT", url: url("/updateStartedConfConfig", `conferenceID=${CONFERENCE}`), headers: { ...headers(TOKEN), "x-trace": "t5" }, body: { isLock: 1 } },
    ]);
  });

  it("an input with a required field is refused when left out, naming it", async () => {
    const { meeting, sent } = client();
    const conf = meeting.conference(CONFERENCE, { token: TOKEN });
    const refusals = await Promise.all([undefined, {}].map((input) => rejection(conf.prolong(input as never))));
    expect(refusals.map((error) => [error?.name, error?.field, error?.message])).toEqual([
      ["MeetingInputError", "input", "input must be an object, got undefined"],
      ["MeetingInputError", "input.auto", "input.auto is required"],
    ]);
    expect(sent).toEqual([]);
  });

  it("a query field other than the IDs goes into the query", async () => {
    const { meeting, sent } = client();
    await meeting.conference(CONFERENCE, { token: TOKEN }).deleteLayout("uuid-1");
    expect(sent).toEqual([{ method: "DELETE", url: url("/layOut", `conferenceID=${CONFERENCE}&uuID=uuid-1`), headers: headers(TOKEN, false), body: null }]);
  });
});

describe("the answer", () => {
  it("an operation that answers with JSON resolves with the object; an empty answer is an error", async () => {
    const info = { conferenceID: CONFERENCE, state: "Created" };
    const { meeting } = client([{ body: JSON.stringify(info) }, {}]);
    const conf = meeting.conference(CONFERENCE, { token: TOKEN });
    await expect(conf.realTimeInfo()).resolves.toEqual(info);
    const error = await rejection(conf.realTimeInfo());
    expect(error).toMatchObject({ name: "MeetingApiError", status: 200, message: `GET ${CONTROL}/realTimeInfo: HTTP 200 (the answer is empty)` });
  });

  it("an operation that answers with no JSON resolves with undefined, whatever the body", async () => {
    const { meeting } = client([{ body: '{"ok":1}' }]);
    await expect(meeting.conference(CONFERENCE, { token: TOKEN }).stop()).resolves.toBeUndefined();
  });
});

describe("the token phase", () => {
  it("a 401 on a token from the caller's function is sent once more with a new one, and its result is the call's", async () => {
    const tokens = [TOKEN, FRESH];
    const { meeting, sent } = client([{ status: 401, body: '{"error_code":"MMC.111070001","error_msg":"token expired"}' }, { body: '{"state":"Created"}' }]);
    const conf = meeting.conference(CONFERENCE, { token: () => tokens.shift() ?? "EXAMPLE-none" });
    await expect(conf.realTimeInfo()).resolves.toEqual({ state: "Created" });
    expect(sent.map((request) => request.headers["x-conference-authorization"])).toEqual([TOKEN, FRESH]);
    expect(tokens).toEqual([]);
  });

  it("an answer other than a 401 on a token from the caller's function is the call's, the function asked once", async () => {
    const tokens = [TOKEN, FRESH];
    const { meeting, sent } = client([{ body: '{"state":"Created"}' }]);
    const conf = meeting.conference(CONFERENCE, { token: () => tokens.shift() ?? "EXAMPLE-none" });
    await expect(conf.realTimeInfo()).resolves.toEqual({ state: "Created" });
    expect(sent.map((request) => request.headers["x-conference-authorization"])).toEqual([TOKEN]);
    expect(tokens).toEqual([FRESH]);
  });

  it("a 401 when the caller's function gives the same token again is the call's error, sent once, the token redacted", async () => {
    const { meeting, sent } = client([{ status: 401, body: JSON.stringify({ error_code: "MMC.111070001", error_msg: `token ${TOKEN} expired` }) }]);
    const error = await rejection(meeting.conference(CONFERENCE, { token: () => TOKEN }).stop());
    expect(error).toMatchObject({ name: "AuthenticationError", status: 401, message: `PUT ${CONTROL}/stop: HTTP 401 MMC.111070001: token [redacted] expired` });
    expect(sent).toHaveLength(1);
  });

  it("a 401 on a fixed token is the call's error at once, sent once", async () => {
    const { meeting, sent } = client([{ status: 401, body: '{"error_code":"MMC.111070001"}' }, {}]);
    const error = await rejection(meeting.conference(CONFERENCE, { token: TOKEN }).stop());
    expect(error).toMatchObject({ name: "AuthenticationError", status: 401, message: `PUT ${CONTROL}/stop: HTTP 401 MMC.111070001` });
    expect(sent).toHaveLength(1);
  });

  it("both tokens of a retried call are redacted from its error", async () => {
    const tokens = [TOKEN, FRESH];
    const echo = JSON.stringify({ error_code: "MMC.111070001", error_msg: `tokens ${TOKEN} and ${FRESH}` });
    const { meeting } = client([
      { status: 401, body: echo },
      { status: 401, body: echo },
    ]);
    const error = await rejection(meeting.conference(CONFERENCE, { token: () => tokens.shift() ?? "EXAMPLE-none" }).stop());
    expect(error).toMatchObject({ name: "AuthenticationError", message: `PUT ${CONTROL}/stop: HTTP 401 MMC.111070001: tokens [redacted] and [redacted]` });
  });

  it("the call's signal ends the wait for its token at once, nothing sent", async () => {
    const { meeting, sent } = client();
    const reason = new Error("caller gave up");
    const controller = new AbortController();
    let give = (_token: string) => {};
    const asked = new Promise<string>((resolve) => {
      give = resolve;
    });
    const call = rejection(meeting.conference(CONFERENCE, { token: () => asked }).stop({ signal: controller.signal }));
    controller.abort(reason);
    // Settled before the next turn of the event loop, while the token is still to come.
    const first = await Promise.race([call, new Promise((resolve) => setTimeout(() => resolve("still waiting"), 0))]);
    give(TOKEN);
    expect(first).toBe(reason);
    await call;
    expect(sent).toEqual([]);
  });
});

describe("secrets in the body", () => {
  it("a password field the server echoes is redacted from the error; another field is not", async () => {
    const password = "EXAMPLE-chair-pwd-7";
    const { meeting } = client([
      { status: 400, body: JSON.stringify({ error_code: "MMC.1", error_msg: `wrong ${password}` }) },
      { status: 400, body: JSON.stringify({ error_code: "MMC.2", error_msg: "bad name Alice Wonderland" }) },
    ]);
    const participant = meeting.conference(CONFERENCE, { token: TOKEN }).participant(PID);
    const first = await rejection(participant.applyForHost({ chairmanPwd: password }));
    const second = await rejection(participant.rename({ number: "+8612345", newName: "Alice Wonderland" }));
    expect([first?.message, second?.message]).toEqual([
      `PUT ${CONTROL}/participants/role: HTTP 400 MMC.1: wrong [redacted]`,
      `PUT ${CONTROL}/participants/name: HTTP 400 MMC.2: bad name Alice Wonderland`,
    ]);
  });

  it("a password field left out adds nothing to redact: the error is mapped as any other", async () => {
    const { meeting } = client([{ status: 400, body: JSON.stringify({ error_code: "MMC.1", error_msg: "no chair password" }) }]);
    const error = await rejection(meeting.conference(CONFERENCE, { token: TOKEN }).participant(PID).applyForHost());
    expect(error).toMatchObject({ name: "BadRequestError", status: 400, message: `PUT ${CONTROL}/participants/role: HTTP 400 MMC.1: no chair password` });
  });
});

type Traced = { channel: "operation" | "attempt"; event: string; context: Record<string, unknown> };

describe("the traces", () => {
  const stops: (() => void)[] = [];
  afterEach(() => stops.splice(0).forEach((stop) => stop()));
  function listen() {
    const events: Traced[] = [];
    for (const channel of ["operation", "attempt"] as const) {
      const subscribers = Object.fromEntries(
        ["start", "end", "asyncStart", "asyncEnd", "error"].map((event) => [event, (context: Record<string, unknown>) => events.push({ channel, event, context: { ...context } })]),
      );
      tracingChannel(CHANNELS[channel]).subscribe(subscribers as never);
      stops.push(() => tracingChannel(CHANNELS[channel]).unsubscribe(subscribers as never));
    }
    return events;
  }

  it("a participant method is one operation with its participantID, its result left out when it has none", async () => {
    const { meeting } = client();
    const events = listen();
    await meeting.conference(CONFERENCE, { token: TOKEN }).participant(PID).mute();
    const operation = { operationId: "muteParticipant", conferenceID: CONFERENCE, participantID: PID };
    const attempt = { operationId: "muteParticipant", method: "PUT", path: `${CONTROL}/participants/mute`, attempt: 1 };
    expect(events).toEqual([
      { channel: "operation", event: "start", context: operation },
      { channel: "operation", event: "end", context: operation },
      { channel: "attempt", event: "start", context: attempt },
      { channel: "attempt", event: "end", context: attempt },
      { channel: "attempt", event: "asyncStart", context: { ...attempt, status: 200 } },
      { channel: "attempt", event: "asyncEnd", context: { ...attempt, status: 200 } },
      { channel: "operation", event: "asyncStart", context: operation },
      { channel: "operation", event: "asyncEnd", context: operation },
    ]);
  });

  it("a conference method's operation has no participantID, and its result is the answer", async () => {
    const { meeting } = client([{ body: '{"state":"Created"}' }]);
    const events = listen();
    await meeting.conference(CONFERENCE, { token: TOKEN }).realTimeInfo();
    const settled = events.filter((event) => event.channel === "operation" && event.event === "asyncEnd");
    expect(settled).toEqual([
      { channel: "operation", event: "asyncEnd", context: { operationId: "showRealTimeInfoOfMeeting", conferenceID: CONFERENCE, result: { state: "Created" } } },
    ]);
  });

  it("a participantID that is not a string is left out of the operation, which settles with the refusal", async () => {
    const { meeting } = client();
    const events = listen();
    const error = await rejection(meeting.conference(CONFERENCE, { token: TOKEN }).inviteToShare(42 as never));
    const operation = { operationId: "inviteShare", conferenceID: CONFERENCE };
    expect(events).toEqual([
      { channel: "operation", event: "start", context: operation },
      { channel: "operation", event: "end", context: operation },
      { channel: "operation", event: "error", context: { ...operation, error } },
      { channel: "operation", event: "asyncStart", context: { ...operation, error } },
      { channel: "operation", event: "asyncEnd", context: { ...operation, error } },
    ]);
  });

  it("a call sent again on a 401 is one operation of two attempts", async () => {
    const tokens = [TOKEN, FRESH];
    const { meeting } = client([{ status: 401, body: "{}" }, {}]);
    const events = listen();
    await meeting.conference(CONFERENCE, { token: () => tokens.shift() ?? "EXAMPLE-none" }).stop();
    expect(events.filter((event) => event.event === "asyncEnd").map(({ channel, context }) => [channel, context.attempt, context.status])).toEqual([
      ["attempt", 1, 401],
      ["attempt", 1, 200],
      ["operation", undefined, undefined],
    ]);
  });
});

describe("the handles", () => {
  it("conf.inviteToShare and conf.cancelShareInvitation send the participant method's request, the ID checked as given", async () => {
    const { meeting, sent } = client();
    const conf = meeting.conference(CONFERENCE, { token: TOKEN });
    await conf.inviteToShare(PID);
    await conf.cancelShareInvitation(PID, { headers: { "X-Trace": "t6" } });
    const error = await rejection(conf.inviteToShare(42 as never));
    expect(error).toMatchObject({ name: "MeetingInputError", field: "participantID", message: "participantID must be a string, got 42" });
    const invite = url("/participants/share/invite", `conferenceID=${CONFERENCE}&participantID=${PID}`);
    expect(sent).toEqual([
      { method: "PUT", url: invite, headers: headers(TOKEN), body: { share: 1 } },
      { method: "PUT", url: invite, headers: { ...headers(TOKEN), "x-trace": "t6" }, body: { share: 0 } },
    ]);
  });

  it("on an entry without tracing, a call runs untraced", async () => {
    const sent: string[] = [];
    const fetch = async (target: string) => {
      sent.push(target);
      return new Response(null, { status: 200 });
    };
    await createInBrowser({ baseUrl: "http://127.0.0.1:9", fetch }).conference(CONFERENCE, { token: TOKEN }).participant(PID).mute();
    expect(sent).toEqual([url("/participants/mute", `conferenceID=${CONFERENCE}&participantID=${PID}`)]);
  });
});

/**
 * Shapes of operation the spec may come to have, run through `call` on a context that records
 * what it would send: each is added to the table for the test alone.
 */
describe("operations of other shapes", () => {
  const requests: { method: string; path: string; query: unknown; body: unknown }[] = [];
  const api = {
    request: async (method: string, path: string, init: { params: { query: unknown }; body?: unknown }) => {
      requests.push({ method, path, query: init.params.query, body: init.body });
      return { data: "", response: new Response(null, { status: 200 }) };
    },
  } as unknown as Api;
  const transport = { defaults: { timeoutMs: 1000, maxRetries: 0, maxResponseBytes: 1000 } } as Transport;
  const context = {
    conferenceID: CONFERENCE,
    authorized: authorizer(api, transport, tokenSources(undefined)(CONFERENCE, { token: TOKEN })),
  } as unknown as CallContext;
  const table = operations as unknown as Record<string, Operation>;

  /** Runs `method` of `operation`, added to the table under a name of its own while it runs. */
  async function run(operation: Omit<Operation, "method" | "path" | "idempotent" | "facade">, method: FacadeMethod, participantID: unknown, args: unknown[]) {
    requests.length = 0;
    table.crafted = { method: "PUT", path: "/v1/mmc/control/crafted", idempotent: true, facade: [method], ...operation };
    try {
      return await rejection(call(context, "crafted" as OperationId, method, participantID, args));
    } finally {
      delete table.crafted;
    }
  }

  it("a conference method takes a participantID in the query as input, required as the spec says", async () => {
    const operation = { participantID: "query" as const, query: { properties: { participantID: { type: "string" } }, required: ["participantID"] } };
    const method = { method: "conference.pick" };
    const missing = await run(operation, method, undefined, [{}]);
    expect(missing).toMatchObject({ name: "MeetingInputError", field: "input.participantID", message: "input.participantID is required" });
    expect(await run(operation, method, undefined, [{ participantID: "p-3" }])).toBeUndefined();
    expect(requests).toEqual([{ method: "put", path: "/v1/mmc/control/crafted", query: { conferenceID: CONFERENCE, participantID: "p-3" }, body: undefined }]);
  });

  it("a participant method puts the handle's ID into the query and takes the query's other fields as input", async () => {
    const operation = { participantID: "query" as const, query: { properties: { participantID: { type: "string" }, when: { type: "string" } }, required: ["participantID"] } };
    expect(await run(operation, { method: "participant.at" }, PID, [{ when: "now" }])).toBeUndefined();
    expect(requests).toEqual([{ method: "put", path: "/v1/mmc/control/crafted", query: { conferenceID: CONFERENCE, participantID: PID, when: "now" }, body: undefined }]);
  });

  it("an optional query field may be left out, input and all, and goes into the query when given", async () => {
    const operation = { query: { properties: { when: { type: "string" } } } };
    const method = { method: "conference.at" };
    expect(await run(operation, method, undefined, [])).toBeUndefined();
    expect(await run(operation, method, undefined, [{ when: "now" }])).toBeUndefined();
    expect(requests).toEqual([{ method: "put", path: "/v1/mmc/control/crafted", query: { conferenceID: CONFERENCE, when: "now" }, body: undefined }]);
  });

  it("a body's minimum of fields counts the fields a method fixes", async () => {
    const body = { properties: { a: { enum: [1] }, b: { enum: [1] }, c: { enum: [1] } }, minProperties: 2 };
    const method = { method: "conference.some", fixed: { a: 1 } };
    const none = await run({ body }, method, undefined, [{}]);
    expect(none).toMatchObject({ name: "MeetingInputError", field: "input", message: "input must hold at least one field, got none" });
    expect(await run({ body }, method, undefined, [{ b: 1 }])).toBeUndefined();
    expect(requests).toEqual([{ method: "put", path: "/v1/mmc/control/crafted", query: { conferenceID: CONFERENCE }, body: { a: 1, b: 1 } }]);
  });

  it("a method that sends only its fixed fields takes no input, even below the body's minimum", async () => {
    const body = { properties: { a: { enum: [1] }, b: { enum: [1] }, c: { enum: [1] } }, minProperties: 2 };
    expect(await run({ body }, { method: "conference.one", fixed: { a: 1 }, only: 1 }, undefined, [{ headers: { "X-Trace": "t7" } }])).toBeUndefined();
    expect(requests).toEqual([{ method: "put", path: "/v1/mmc/control/crafted", query: { conferenceID: CONFERENCE }, body: { a: 1 } }]);
  });
});
