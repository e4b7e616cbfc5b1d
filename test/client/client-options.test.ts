import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMeetingClient, MeetingInputError, regions } from "../../src/node.js";
import { conferenceID } from "../support/helpers.js";
import { startRecorder, type Recorder } from "../support/servers/recorder.js";

describe("createMeetingClient options", () => {
  it("defaults to the cn-north-4 host", () => {
    expect(createMeetingClient().baseUrl).toBe("https://api.meeting.huaweicloud.com");
  });

  it("takes the ap-southeast-1 host from region", () => {
    expect(createMeetingClient({ region: "ap-southeast-1" }).baseUrl).toBe(regions["ap-southeast-1"]);
  });

  it.each(["https://proxy.example.test/meeting/", "http://127.0.0.1:4010", "http://127.8.9.10:1", "http://localhost:4010", "http://[::1]:4010"])("accepts %s", (baseUrl) => {
    expect(createMeetingClient({ baseUrl }).baseUrl).toBe(baseUrl.replace(/\/$/, ""));
  });

  it("accepts http to another host only with allowInsecureHttp", () => {
    expect(createMeetingClient({ baseUrl: "http://meeting.internal.test", allowInsecureHttp: true }).baseUrl).toBe("http://meeting.internal.test");
  });

  it.each([
    [{ baseUrl: "http://api.meeting.huaweicloud.com" }, "baseUrl"],
    [{ baseUrl: "http://127.0.0.1.example.test" }, "baseUrl"],
    [{ baseUrl: "ftp://api.meeting.huaweicloud.com" }, "baseUrl"],
    [{ baseUrl: "not a url" }, "baseUrl"],
    [{ baseUrl: "https://user:pw@api.meeting.huaweicloud.com" }, "baseUrl"],
    [{ baseUrl: "https://api.meeting.huaweicloud.com?x=1" }, "baseUrl"],
    [{ baseUrl: 42 }, "baseUrl"],
    [{ region: "eu-west-0" }, "region"],
    [{ fetch: "fetch" }, "fetch"],
    [{ allowInsecureHttp: "yes" }, "allowInsecureHttp"],
    [{ timeoutMs: Number.NaN }, "timeoutMs"],
    [{ timeoutMs: 0 }, "timeoutMs"],
    [{ timeoutMs: -1 }, "timeoutMs"],
    [{ timeoutMs: Infinity }, "timeoutMs"],
    [{ timeoutMs: 2 ** 31 }, "timeoutMs"],
    [{ timeoutMs: "1000" }, "timeoutMs"],
    [{ maxRetries: -1 }, "maxRetries"],
    [{ maxRetries: 1.5 }, "maxRetries"],
    [{ maxRetries: 11 }, "maxRetries"],
    [{ maxRetries: "2" }, "maxRetries"],
    [{ logger: {} }, "logger"],
    [{ logger: "console" }, "logger"],
    [null, "options"],
  ])("rejects %j with MeetingInputError naming %s", (options, field) => {
    // @ts-expect-error -- callers without types
    const make = () => createMeetingClient(options);
    expect(make).toThrow(MeetingInputError);
    expect(make).toThrow(expect.objectContaining({ field }));
  });
});

describe("unknown option keys are named, with the right one where it is close", () => {
  it.each([
    [{ baseURL: "http://127.0.0.1:9" }, "baseURL", "unknown option baseURL — did you mean baseUrl?"],
    [{ timeout: 5 }, "timeout", "unknown option timeout — did you mean timeoutMs?"],
    [{ retries: 1 }, "retries", "unknown option retries — did you mean maxRetries?"],
    [{ regoin: "cn-north-4" }, "regoin", "unknown option regoin — did you mean region?"],
    [{ baseUrl: "http://127.0.0.1:9", colour: "blue" }, "colour", "unknown option colour"],
    [{ baseURL: undefined }, "baseURL", "unknown option baseURL — did you mean baseUrl?"],
  ])("createMeetingClient(%j) → %s", (options, field, message) => {
    // @ts-expect-error -- callers without types
    const make = () => createMeetingClient(options);
    expect(make).toThrow(MeetingInputError);
    expect(make).toThrow(expect.objectContaining({ field, message }));
  });

  it.each([
    [{ timeout: 5 }, "options.timeout", "unknown option options.timeout — did you mean options.timeoutMs?"],
    [{ maxRetry: 1 }, "options.maxRetry", "unknown option options.maxRetry — did you mean options.maxRetries?"],
    [{ header: { a: "b" } }, "options.header", "unknown option options.header — did you mean options.headers?"],
    [{ abort: new AbortController().signal }, "options.abort", "unknown option options.abort"],
  ])("a call's %j → %s", async (options, field, message) => {
    const conf = createMeetingClient({ baseUrl: "http://127.0.0.1:9" }).conference(conferenceID, { token: "t" });
    // @ts-expect-error -- callers without types
    await expect(conf.realTimeInfo(options)).rejects.toMatchObject({ name: "MeetingInputError", field, message });
    // @ts-expect-error -- callers without types
    await expect(conf.token(options)).rejects.toMatchObject({ name: "MeetingInputError", field, message });
  });

  it.each([
    [{ hostpassword: "x" }, "auth.hostpassword", "unknown option auth.hostpassword — did you mean auth.hostPassword?"],
    [{ token: "t", nounce: "n" }, "auth.nounce", "unknown option auth.nounce — did you mean auth.nonce?"],
    [{ password: "x" }, "auth.password", "unknown option auth.password — did you mean auth.hostPassword?"],
  ])("auth %j → %s", (auth, field, message) => {
    const meeting = createMeetingClient({ baseUrl: "http://127.0.0.1:9" });
    // @ts-expect-error -- callers without types
    expect(() => meeting.conference(conferenceID, auth)).toThrow(expect.objectContaining({ name: "MeetingInputError", field, message }));
  });
});

describe("auth says what is missing", () => {
  const meeting = createMeetingClient({ baseUrl: "http://127.0.0.1:9" });
  it.each([
    [[], "auth must be { token } or { hostPassword }, got undefined"],
    [[null], "auth must be { token } or { hostPassword }, got null"],
    [[{}], "auth must hold token or hostPassword, got neither"],
    [[{ hostPassword: undefined }], "auth.hostPassword must be a string, got undefined"],
    [[{ token: undefined }], "auth.token must be a string, got undefined"],
    [[{ hostPassword: undefined, nonce: "n" }], "auth.hostPassword must be a string, got undefined"],
    [[{ token: "t", hostPassword: "p" }], "auth must be { token } or { hostPassword }, not both"],
    [[{ token: "t", nonce: "n" }], "auth.nonce goes with hostPassword only"],
  ])("conference(id, ...%j): %s", (args, message) => {
    // @ts-expect-error -- callers without types
    expect(() => meeting.conference(conferenceID, ...args)).toThrow(expect.objectContaining({ name: "MeetingInputError", message }));
  });

  it("{ hostPassword: undefined, token } uses the token: an unset variable beside a set one is not an error", () => {
    expect(meeting.conference(conferenceID, { token: "t", hostPassword: undefined as never }).conferenceID).toBe(conferenceID);
  });
});

describe("per-call options are checked before any request", () => {
  let server: Recorder;
  beforeAll(async () => {
    server = await startRecorder();
  });
  afterAll(async () => {
    expect(server.requests).toEqual([]);
    await server.close();
  });

  it.each([
    [{ timeoutMs: Number.NaN }, "options.timeoutMs"],
    [{ timeoutMs: -5 }, "options.timeoutMs"],
    [{ maxRetries: -1 }, "options.maxRetries"],
    [{ maxRetries: 2.5 }, "options.maxRetries"],
    [{ signal: "abort" }, "options.signal"],
    ["fast", "options"],
    [{ headers: "Prefer: code=401" }, "options.headers"],
    [{ headers: { "X-Conference-Authorization": "other" } }, "options.headers.X-Conference-Authorization"],
    [{ headers: { "x-password": "other" } }, "options.headers.x-password"],
    [{ headers: { "X-Nonce": "other" } }, "options.headers.X-Nonce"],
    [{ headers: { "bad name": "v" } }, "options.headers"],
    [{ headers: { "X-Trace": "a\r\nX-Injected: 1" } }, "options.headers.X-Trace"],
    [{ headers: { "X-Trace": 42 } }, "options.headers.X-Trace"],
  ])("rejects %j naming %s", async (options, field) => {
    const conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { token: "t" });
    // @ts-expect-error -- callers without types
    await expect(conf.inviteToShare("p1", options)).rejects.toMatchObject({ name: "MeetingInputError", field });
    // @ts-expect-error -- callers without types
    await expect(conf.realTimeInfo(options)).rejects.toMatchObject({ name: "MeetingInputError", field });
  });
});

describe("IDs are checked before any request", () => {
  let server: Recorder;
  let meeting: ReturnType<typeof createMeetingClient>;
  beforeAll(async () => {
    server = await startRecorder();
    meeting = createMeetingClient({ baseUrl: server.url });
  });
  afterAll(async () => {
    expect(server.requests).toEqual([]);
    await server.close();
  });

  it.each([
    ["a number", 986947855, "must be a string"],
    ["an empty string", "", "must not be empty"],
    ["a control character", "98\n69", "control characters"],
    ["an over-long ID", "x".repeat(257), "at most 256"],
  ])("conferenceID: rejects %s", (_, id, rule) => {
    // @ts-expect-error -- callers without types
    expect(() => meeting.conference(id, { token: "t" })).toThrow(
      expect.objectContaining({ name: "MeetingInputError", field: "conferenceID", message: expect.stringContaining(rule) }),
    );
  });

  it.each([
    ["a number", 42, "must be a string"],
    ["undefined", undefined, "must be a string"],
    ["an empty string", "", "must not be empty"],
    ["a control character", "a\u0000b", "control characters"],
  ])("participantID: rejects %s", async (_, id, rule) => {
    const conf = meeting.conference(conferenceID, { token: "t" });
    // @ts-expect-error -- callers without types
    await expect(conf.inviteToShare(id)).rejects.toMatchObject({ name: "MeetingInputError", field: "participantID", message: expect.stringContaining(rule) });
  });
});

describe("the edges of the input rules", () => {
  it.each([
    [{ log: 1 }, "unknown option log"],
    [{ logr: 1 }, "unknown option logr — did you mean logger?"],
    [{ lager: 1 }, "unknown option lager — did you mean logger?"],
    [{ rejoin: 1 }, "unknown option rejoin"],
    [{ REGION: "cn-north-4" }, "unknown option REGION — did you mean region?"],
    [{ ws: 1 }, "unknown option ws"],
    [{ fech: 1 }, "unknown option fech — did you mean fetch?"],
  ])("short option names: %j → %s", (options, message) => {
    // @ts-expect-error -- callers without types
    expect(() => createMeetingClient(options)).toThrow(expect.objectContaining({ name: "MeetingInputError", field: Object.keys(options)[0], message }));
  });

  it.each([
    [{ sig: 1 }, "unknown option options.sig"],
    [{ sign: 1 }, "unknown option options.sign — did you mean options.signal?"],
    [{ hed: 1 }, "unknown option options.hed"],
    [{ head: 1 }, "unknown option options.head — did you mean options.headers?"],
  ])("a call's short option names: %j → %s", async (options, message) => {
    const conf = createMeetingClient({ baseUrl: "http://127.0.0.1:9" }).conference(conferenceID, { token: "t" });
    // @ts-expect-error -- callers without types
    await expect(conf.realTimeInfo(options)).rejects.toMatchObject({ name: "MeetingInputError", message });
  });

  it("an ID of exactly 256 characters is accepted, and sent as it is; 257 is refused", async () => {
    const server = await startRecorder();
    try {
      const meeting = createMeetingClient({ baseUrl: server.url });
      const longest = "9".repeat(256);
      const conf = meeting.conference(longest, { token: "t" });
      expect(conf.conferenceID).toBe(longest);
      await conf.inviteToShare("p".repeat(256));
      expect(server.requests.map((r) => r.target)).toEqual([`/v1/mmc/control/conferences/participants/share/invite?conferenceID=${longest}&participantID=${"p".repeat(256)}`]);
      expect(() => meeting.conference("9".repeat(257), { token: "t" })).toThrow(
        expect.objectContaining({ name: "MeetingInputError", field: "conferenceID", message: "conferenceID must be at most 256 characters" }),
      );
      await expect(conf.inviteToShare("p".repeat(257))).rejects.toMatchObject({ field: "participantID", message: "participantID must be at most 256 characters" });
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("an empty per-call header value is sent as empty; other headers of the call go with it", async () => {
    const server = await startRecorder();
    try {
      const conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { token: "t" });
      await conf.realTimeInfo({ headers: { "X-Empty": "", "X-Trace": "t1" } });
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.headers["x-empty"]).toBe("");
      expect(server.requests[0]!.headers["x-trace"]).toBe("t1");
    } finally {
      await server.close();
    }
  });
});

describe("a facade method's input, checked by the call pipeline", () => {
  let server: Recorder;
  let conf: ReturnType<ReturnType<typeof createMeetingClient>["conference"]>;
  beforeAll(async () => {
    server = await startRecorder((request) => (request.target.includes("realTimeInfo") ? { body: '{"confID":"1"}' } : {}));
    conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { token: "t" });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each<[string, (c: typeof conf) => Promise<unknown>, string, string]>([
    ["settings that are null", (c) => c.updateSettings(null as never), "settings", "settings must be an object, got null"],
    ["settings left out", (c) => (c.updateSettings as (...a: unknown[]) => Promise<unknown>)(), "settings", "settings must be an object, got undefined"],
    ["settings that are a list", (c) => c.updateSettings([] as never), "settings", "settings must be an object, got an array"],
    ["no setting", (c) => c.updateSettings({}), "settings", "settings must hold at least one setting, got none"],
    ["a misspelt setting", (c) => c.updateSettings({ lok: 1 } as never), "settings", 'settings has no setting "lok": the settings are '],
    ["a setting out of its enum", (c) => c.updateSettings({ isLock: 2 as never }), "settings.isLock", "settings.isLock must be one of 0, 1, got 2"],
    ["a rename without newName", (c) => c.participant("p1").rename({ number: "1" } as never), "input.newName", "input.newName is required"],
    [
      "a rename that sets the handle's participantID",
      (c) => c.participant("p1").rename({ number: "1", newName: "n", participantID: "p2" } as never),
      "input",
      'input has no field "participantID"',
    ],
    ["hangUp given text, not a list", (c) => c.hangUp("p1" as never), "bulkHangUpParticipants", "bulkHangUpParticipants must be an array, got string"],
  ])("%s: refused before anything is sent", async (_, run, field, message) => {
    server.requests.length = 0;
    const error = (await run(conf).catch((e: unknown) => e)) as MeetingInputError;
    expect(error).toBeInstanceOf(MeetingInputError);
    expect(error.field).toBe(field);
    expect(error.message.startsWith(message)).toBe(true);
    expect(server.requests).toEqual([]);
  });

  it("each input value is read once: the value checked is the value sent", async () => {
    server.requests.length = 0;
    let reads = 0;
    const settings = {
      get isLock() {
        reads++;
        return reads === 1 ? 1 : 7;
      },
    };
    await conf.updateSettings(settings as never);
    expect(reads).toBe(1);
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ isLock: 1 });
  });

  it("a participant method puts the handle's ID where its operation takes it: the query, or the body", async () => {
    server.requests.length = 0;
    await conf.participant("p1").rename({ number: "1", newName: "Ann" });
    await conf.participant("p2").mute();
    expect(server.requests.map((r) => [r.method, r.target, r.body ? JSON.parse(r.body) : undefined])).toEqual([
      ["PUT", `/v1/mmc/control/conferences/participants/name?conferenceID=${conferenceID}`, { number: "1", newName: "Ann", participantID: "p1" }],
      ["PUT", `/v1/mmc/control/conferences/participants/mute?conferenceID=${conferenceID}&participantID=p2`, { isMute: 1 }],
    ]);
  });

  it("a method without input takes its options first; an answer is returned as JSON, a method without one resolves undefined", async () => {
    server.requests.length = 0;
    await expect(conf.realTimeInfo({ timeoutMs: 5000 })).resolves.toEqual({ confID: "1" });
    await expect(conf.lockSharing({ headers: { "X-Trace": "t" } })).resolves.toBeUndefined();
    expect(server.requests.map((r) => [r.target, r.headers["x-trace"], r.body])).toEqual([
      [`/v1/mmc/control/conferences/realTimeInfo?conferenceID=${conferenceID}`, undefined, ""],
      [`/v1/mmc/control/conferences/updateStartedConfConfig?conferenceID=${conferenceID}`, "t", '{"lockSharing":1}'],
    ]);
  });

  it("an answer the operation needs but the server left empty is an error saying so", async () => {
    server.respond(() => ({ body: "" }));
    try {
      const error = (await conf.realTimeInfo().catch((e: unknown) => e)) as Error;
      expect(error).toMatchObject({ name: "MeetingApiError", status: 200 });
      expect(error.message).toBe("GET /v1/mmc/control/conferences/realTimeInfo: HTTP 200 (the answer is empty)");
    } finally {
      server.respond((request) => (request.target.includes("realTimeInfo") ? { body: '{"confID":"1"}' } : {}));
    }
  });
});

describe("a handle's generated methods", () => {
  it("are made once per handle, on first read: the same function each time, enumerable, and replaceable", () => {
    const conf = createMeetingClient({ baseUrl: "http://127.0.0.1:9" }).conference(conferenceID, { token: "t" });
    const first = conf.lockSharing;
    expect(conf.lockSharing).toBe(first);
    expect(Object.keys(conf)).toContain("lockSharing");
    const replaced = () => Promise.resolve(undefined);
    (conf as { lockSharing: unknown }).lockSharing = replaced;
    expect(conf.lockSharing).toBe(replaced);
    delete (conf as { lockSharing?: unknown }).lockSharing;
    expect(typeof conf.lockSharing).toBe("function");
  });

  it("the table names each method once: an unknown one is an error naming it", async () => {
    const { facadeMethod } = await import("../../src/call/operation.js");
    expect(facadeMethod("participant.inviteToShare")).toEqual(["inviteShare", { method: "participant.inviteToShare", fixed: { share: 1 } }]);
    expect(() => facadeMethod("conference.nope")).toThrow(new Error("openapi.yaml has no facade method conference.nope"));
  });
});
