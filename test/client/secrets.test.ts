// No secret leaves the client except in the header it belongs to: every output a caller or
// an operator can see is searched for distinctive secret strings.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { MeetingApiError, MeetingError, type MeetingClientOptions } from "../../src/node.js";
import { startFaultServer, type FaultServer, type Step } from "../support/servers/faults.js";
import { transports } from "../support/transports.js";

describe.each(transports)("on the %s transport", (_transport, createMeetingClient) => {
  const TOKEN = "SECRET-tok-3f9c1e77";
  const TOKEN2 = "SECRET-tok-b70d2a41";
  const PASSWORD = "SECRET-pw-a81b04dd";
  const NONCE = "SECRET-nonce-5e2290c4";
  const SECRETS = [TOKEN, TOKEN2, PASSWORD, NONCE];

  let server: FaultServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function rig(script: Step[], options: MeetingClientOptions = {}) {
    server = await startFaultServer(script);
    const logged: unknown[][] = [];
    const meeting = createMeetingClient({ baseUrl: server.url, maxRetries: 1, logger: { debug: (...args) => logged.push(args) }, ...options });
    return { meeting, logged };
  }

  /** Everything a caller might print of an error: message, stack, cause chain, inspect, JSON. */
  function outputs(error: unknown): string[] {
    const out = [inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error) ?? ""];
    for (let e: unknown = error; e instanceof Error; e = e.cause) out.push(e.message, e.stack ?? "", String(e));
    return out;
  }

  function expectNoSecret(texts: string[]) {
    for (const text of texts) for (const secret of SECRETS) expect(text).not.toContain(secret);
  }

  /** An error answer that echoes every secret the client holds, in the body (keys too) and a header. */
  const echo = (status: number): Step => ({
    status,
    headers: { "x-request-id": "req-echo", "x-echo": `${TOKEN} ${PASSWORD} ${NONCE}` },
    body: JSON.stringify({
      error_code: `MMC.118000001 ${TOKEN}`,
      error_msg: `token ${TOKEN} refused; password ${PASSWORD}; nonce ${NONCE}`,
      [TOKEN]: [PASSWORD, { nonce: NONCE }],
    }),
  });
  /** The same, echoing only the token: all a client given a bare token could know. */
  const echoToken = (status: number): Step => ({
    status,
    headers: { "x-request-id": "req-echo", "x-echo": TOKEN },
    body: JSON.stringify({ error_code: "MMC.118000001", error_msg: `token ${TOKEN} refused`, [TOKEN]: [{ token: TOKEN }] }),
  });

  describe("secrets never leak", () => {
    it("a server that echoes the token in a 401 body and headers: redacted, the rest kept", async () => {
      const { meeting } = await rig([echoToken(401)]);
      const error = await meeting
        .conference("986947855", { token: TOKEN })
        .inviteToShare("p1")
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        name: "AuthenticationError",
        status: 401,
        requestId: "req-echo",
        errorCode: "MMC.118000001",
        errorMsg: "token [redacted] refused",
        body: { error_code: "MMC.118000001", error_msg: "token [redacted] refused", "[redacted]": [{ token: "[redacted]" }] },
      });
      expect((error as { headers: Headers }).headers.get("x-echo")).toBe("[redacted]");
    });

    it.each([
      ["401 echoing the token", [echoToken(401)]],
      ["500 echoing the token, after a retry", [echoToken(500)]],
      ["200 whose non-JSON body echoes the token", [{ status: 200, headers: { "content-type": "text/plain" }, body: `hello ${TOKEN}` }]],
    ] as [string, Step[]][])("a control call: %s", async (_, script) => {
      const { meeting, logged } = await rig(script);
      const error = await meeting
        .conference("986947855", { token: TOKEN })
        .realTimeInfo()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MeetingError);
      expectNoSecret([...outputs(error), JSON.stringify(logged)]);
      expect(inspect(error)).toContain("[redacted]");
    });

    it("a managed handle's control call whose error echoes the password and nonce too", async () => {
      const issued: Step = { status: 200, body: JSON.stringify({ data: { token: TOKEN } }) };
      const { meeting, logged } = await rig([issued, echo(403)]);
      const error = await meeting
        .conference("986947855", { hostPassword: PASSWORD, nonce: NONCE })
        .realTimeInfo()
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "PermissionDeniedError" });
      expectNoSecret([...outputs(error), JSON.stringify(logged)]);
    });

    it("a token request whose error echoes the password and the nonce", async () => {
      const { meeting, logged } = await rig([
        { status: 400, headers: { "x-echo": PASSWORD }, body: JSON.stringify({ error_code: "USG.201040000", error_msg: `bad password ${PASSWORD} / ${NONCE}` }) },
      ]);
      const conf = meeting.conference("986947855", { hostPassword: PASSWORD, nonce: NONCE });
      const error = await conf.inviteToShare("p1").catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "BadRequestError" });
      expect(server!.requests[0]!.headers).toMatchObject({ "x-password": PASSWORD, "x-nonce": NONCE, "x-login-type": "1" });
      expectNoSecret([
        ...outputs(error),
        JSON.stringify(logged),
        inspect(conf, { showHidden: true, depth: Infinity }),
        inspect(conf.participant("p1"), { showHidden: true, depth: Infinity }),
        inspect(meeting, { depth: Infinity }),
      ]);
    });

    it("a managed token echoed back by a control call that fails twice", async () => {
      const issue = (token: string): Step => ({ status: 200, body: JSON.stringify({ data: { token, confTokenExpireTime: 1800 } }) });
      const echoBoth: Step = { status: 401, body: JSON.stringify({ error_code: "MMC.118000001", error_msg: `${TOKEN} then ${TOKEN2}` }) };
      const { meeting, logged } = await rig([issue(TOKEN), echoBoth, issue(TOKEN2), echoBoth], { maxRetries: 0 });
      const error = await meeting
        .conference("986947855", { hostPassword: PASSWORD })
        .inviteToShare("p1")
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "AuthenticationError" });
      expect(server!.requests).toHaveLength(4);
      expectNoSecret([...outputs(error), JSON.stringify(logged)]);
    });

    it("timeouts and connection failures", async () => {
      const { meeting, logged } = await rig(["hang"], { timeoutMs: 50, maxRetries: 0 });
      const timeout = await meeting
        .conference("986947855", { token: TOKEN })
        .inviteToShare("p1")
        .catch((e: unknown) => e);
      expect(timeout).toMatchObject({ name: "MeetingTimeoutError" });
      const refused = await createMeetingClient({ baseUrl: "http://127.0.0.1:9", maxRetries: 0 })
        .conference("986947855", { hostPassword: PASSWORD, nonce: NONCE })
        .inviteToShare("p1")
        .catch((e: unknown) => e);
      expect(refused).toMatchObject({ name: "MeetingConnectionError" });
      expectNoSecret([...outputs(timeout), ...outputs(refused), JSON.stringify(logged)]);
    });

    it("input errors about a secret", () => {
      const meeting = createMeetingClient({ baseUrl: "http://127.0.0.1:9" });
      const errors = [
        { token: `${TOKEN}\r\nX-Injected: 1` },
        { token: ` ${TOKEN}` },
        { hostPassword: `${PASSWORD}\n` },
        { hostPassword: PASSWORD, nonce: `${NONCE}\u0000` },
        { token: TOKEN, hostPassword: PASSWORD },
        { token: TOKEN, nonce: NONCE },
      ].map((auth) => {
        try {
          // @ts-expect-error -- callers without types
          meeting.conference("986947855", auth);
        } catch (error) {
          return error;
        }
        throw new Error("expected MeetingInputError");
      });
      for (const error of errors) expect(error).toMatchObject({ name: "MeetingInputError" });
      expectNoSecret(errors.flatMap(outputs));
    });

    it.each(["x", "t", "ab", "content", "e"])("a short secret (%j) is redacted only as a whole value: header names and the request ID stay intact", async (secret) => {
      const { meeting } = await rig([
        {
          status: 401,
          headers: { "access-control-expose-headers": "x-request-id", "x-request-id": "f78b007ec2dabf1498620131c7bc19e0", "x-echo": secret },
          body: JSON.stringify({ error_code: "MMC.118000001", error_msg: "content type text", token: secret }),
        },
      ]);
      const error = await meeting
        .conference("986947855", { token: secret })
        .inviteToShare("p1")
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        name: "AuthenticationError",
        requestId: "f78b007ec2dabf1498620131c7bc19e0",
        errorMsg: "content type text",
        body: { error_code: "MMC.118000001", error_msg: "content type text", token: "[redacted]" },
      });
      const headers = (error as { headers: Headers }).headers;
      expect(headers.get("access-control-expose-headers")).toBe("x-request-id");
      expect(headers.get("x-echo")).toBe("[redacted]");
    });

    it("a long secret echoed URL-encoded or in base64 is redacted in every form", async () => {
      const secret = "SECRET tok/+é=&?41";
      const encoded = [
        encodeURIComponent(secret),
        Buffer.from(secret, "latin1").toString("base64"),
        Buffer.from(secret).toString("base64"),
        Buffer.from(secret).toString("base64url"),
      ];
      const { meeting } = await rig([
        {
          status: 400,
          headers: { "x-request-id": "req-enc", "x-echo": `a=${encoded[0]}; b=${encoded[1]}` },
          body: JSON.stringify({ error_code: "MMC.1", error_msg: `got ${encoded.join(" and ")}`, [encoded[2]!]: encoded[3] }),
        },
      ]);
      const error = await meeting
        .conference("986947855", { token: secret })
        .realTimeInfo()
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "BadRequestError", requestId: "req-enc", errorMsg: "got [redacted] and [redacted] and [redacted] and [redacted]" });
      expect((error as { headers: Headers }).headers.get("x-echo")).toBe("a=[redacted]; b=[redacted]");
      for (const text of outputs(error)) for (const form of [secret, ...encoded]) expect(text).not.toContain(form);
    });

    it("a header whose name holds a long secret is left out of the error; names are never rewritten", async () => {
      const { meeting } = await rig([{ status: 403, headers: { [`x-${TOKEN}`]: "1", "x-request-id": "req-name" }, body: "{}" }]);
      const error = await meeting
        .conference("986947855", { token: TOKEN })
        .inviteToShare("p1")
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "PermissionDeniedError", requestId: "req-name" });
      expect([...(error as { headers: Headers }).headers.keys()]).not.toContain(`x-${TOKEN.toLowerCase()}`);
      expectNoSecret(outputs(error));
    });

    it("a 50,000-deep JSON error body: a MeetingApiError, the secret inside redacted, no stack overflow", async () => {
      const depth = 50_000;
      const { meeting } = await rig([{ status: 500, body: `${'{"a":['.repeat(depth)}"${TOKEN}"${"]}".repeat(depth)}` }], { maxRetries: 0 });
      const error = await meeting
        .conference("986947855", { token: TOKEN })
        .realTimeInfo()
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "InternalServerError", status: 500 });
      let inner = (error as { body: unknown }).body;
      for (let i = 0; i < depth; i++) inner = (inner as { a: unknown[] }).a[0];
      expect(inner).toBe("[redacted]");
    });

    it.each([
      ["CR LF", `${TOKEN}\r\nX-Injected: 1`],
      ["non-Latin-1 characters", `${TOKEN}\u4e2d`],
      ["an edge space", ` ${TOKEN}`],
      ["a short one with a NUL", "a\u0000"],
    ])("a token the server issues with %s: a MeetingApiError saying so, the token redacted", async (_, token) => {
      const { meeting } = await rig([{ status: 200, headers: { "x-request-id": "req-issued" }, body: JSON.stringify({ data: { token } }) }]);
      const error = await meeting
        .conference("986947855", { hostPassword: PASSWORD })
        .inviteToShare("p1")
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MeetingApiError);
      expect((error as Error).message).toBe(
        "GET /v1/mmc/control/conferences/token: HTTP 200 (the answer's data.token must be a header value: Latin-1, no CR, LF or controls, no edge spaces) [request req-issued]",
      );
      expect(error).toMatchObject({ body: { data: { token: "[redacted]" } } });
      expect(server!.requests).toHaveLength(1);
      expectNoSecret(outputs(error));
      for (const text of outputs(error)) expect(text).not.toContain(token);
    });

    it("the log lines of successful calls", async () => {
      const issued: Step = { status: 200, body: JSON.stringify({ data: { token: TOKEN, confTokenExpireTime: 1800 } }) };
      const { meeting, logged } = await rig([issued, { status: 200, body: "{}" }]);
      await meeting.conference("986947855", { hostPassword: PASSWORD, nonce: NONCE }).inviteToShare("p1");
      expect(logged).toHaveLength(2);
      expectNoSecret([JSON.stringify(logged), ...logged.map((args) => inspect(args, { depth: Infinity }))]);
    });
  });
  describe("the rest of an error survives redaction", () => {
    it("an error body's numbers, booleans, nulls and nesting are kept exactly; only the secret is replaced", async () => {
      const body = { error_code: 400123, error_msg: `bad ${TOKEN}`, retry: false, ok: true, count: 0, ratio: 1.5, none: null, list: [1, true, null, [TOKEN, 2], { n: -3 }] };
      const { meeting } = await rig([{ status: 400, headers: { "x-request-id": "req-types" }, body: JSON.stringify(body) }]);
      const error = (await meeting
        .conference("986947855", { token: TOKEN })
        .inviteToShare("p1")
        .catch((e: unknown) => e)) as MeetingApiError;
      expect(error).toMatchObject({ name: "BadRequestError", status: 400, requestId: "req-types", errorCode: "400123", errorMsg: "bad [redacted]" });
      expect(error.body).toEqual({ ...body, error_msg: "bad [redacted]", list: [1, true, null, ["[redacted]", 2], { n: -3 }] });
    });

    it.each([
      [{ errorCode: "A", code: "B", errorMsg: "m1", message: "m2" }, "A", "m1"],
      [{ code: 7, message: 8 }, "7", "8"],
      [{ error_code: "", errorCode: "B", error_msg: "", errorMsg: "kept" }, "B", "kept"],
      [{ error_code: true, error_msg: { text: "x" } }, "409", undefined],
      [["MMC.1"], "409", undefined],
    ])("the vendor's code and message from %j: %j, %j", async (body, errorCode, errorMsg) => {
      const { meeting } = await rig([{ status: 409, body: JSON.stringify(body) }]);
      const error = (await meeting
        .conference("986947855", { token: TOKEN })
        .inviteToShare("p1")
        .catch((e: unknown) => e)) as MeetingApiError;
      expect(error.name).toBe("MeetingApiError");
      expect([error.errorCode, error.errorMsg]).toEqual([errorCode, errorMsg]);
      expect(error.body).toEqual(body);
    });

    it("a secret of exactly 8 characters is redacted inside other text; one of 7 only as a whole value", async () => {
      for (const [secret, shownAs] of [
        ["SECRET-8", "id=[redacted];"],
        ["SECRET7", "id=SECRET7;"],
      ]) {
        const { meeting } = await rig([{ status: 401, headers: { "x-echo": `id=${secret};` }, body: JSON.stringify({ error_msg: `id=${secret};`, whole: secret }) }]);
        const error = (await meeting
          .conference("986947855", { token: secret! })
          .inviteToShare("p1")
          .catch((e: unknown) => e)) as MeetingApiError;
        expect(error.body).toEqual({ error_msg: shownAs, whole: "[redacted]" });
        expect(error.errorMsg).toBe(shownAs);
        expect(error.headers.get("x-echo")).toBe(shownAs);
        await server!.close();
      }
    });

    it("a secret echoed URL-encoded with lower-case hex, or in base64 and base64url holding + and /", async () => {
      // Its Latin-1 and UTF-8 bytes in base64 hold "+" and "/", which base64url replaces.
      const secret = "SECRET~?>ûÿ/+41";
      const lower = encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
      const forms = [Buffer.from(secret, "latin1").toString("base64"), Buffer.from(secret).toString("base64")];
      for (const b64 of forms) expect(b64).toMatch(/[+/]/);
      expect(forms.join(" ")).toMatch(/\+.*\//);
      const url = forms.map((b64) => b64.replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_"));
      const bare = forms.map((b64) => b64.replace(/=+$/, ""));
      expect(lower).not.toBe(encodeURIComponent(secret));
      const echoed = [lower, ...forms, ...url, ...bare];
      const { meeting } = await rig([{ status: 400, body: JSON.stringify({ error_msg: echoed.map((form) => `<${form}>`).join(" ") }) }]);
      const error = (await meeting
        .conference("986947855", { token: secret })
        .realTimeInfo()
        .catch((e: unknown) => e)) as MeetingApiError;
      expect(error.errorMsg).toBe(echoed.map(() => "<[redacted]>").join(" "));
    });

    it("a redirect names its Location, the secret redacted, and is not followed", async () => {
      const { meeting } = await rig([{ status: 302, headers: { location: `https://elsewhere.example/?t=${TOKEN}`, "x-request-id": "req-302" }, body: "" }]);
      const error = (await meeting
        .conference("986947855", { token: TOKEN })
        .inviteToShare("p1")
        .catch((e: unknown) => e)) as MeetingApiError;
      expect(error).toMatchObject({ name: "MeetingApiError", status: 302, errorCode: "302", errorMsg: undefined, requestId: "req-302", body: undefined });
      expect(error.message).toContain('(redirect to "https://elsewhere.example/?t=[redacted]": not followed)');
      expect(error.headers.get("location")).toBe("https://elsewhere.example/?t=[redacted]");
      expect(server!.requests).toHaveLength(1);
    });

    it("a redirect without Location says so", async () => {
      const { meeting } = await rig([{ status: 307, body: "" }]);
      const error = (await meeting
        .conference("986947855", { token: TOKEN })
        .inviteToShare("p1")
        .catch((e: unknown) => e)) as MeetingApiError;
      expect(error.message).toContain("(redirect without Location: not followed)");
    });
  });

  describe("a secret in a body", () => {
    it("setRole's chairmanPwd, echoed by the server in an error: redacted like the token, the rest kept", async () => {
      const { meeting } = await rig([echo(400)]);
      const error = await meeting
        .conference("986947855", { token: TOKEN })
        .participant("p1")
        .applyForHost({ chairmanPwd: PASSWORD })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MeetingApiError);
      expect((error as MeetingApiError).errorCode).toBe("MMC.118000001 [redacted]");
      expect((error as MeetingApiError).errorMsg).toBe(`token [redacted] refused; password [redacted]; nonce ${NONCE}`);
      expect((error as MeetingApiError).headers.get("x-echo")).toBe(`[redacted] [redacted] ${NONCE}`);
      for (const text of outputs(error)) for (const secret of [TOKEN, PASSWORD]) expect(text).not.toContain(secret);
    });
  });
});

describe.each(transports)("a failure without an answer, on the %s transport", (_transport, createMeetingClient) => {
  const TOKEN = "SECRET-tok-3f9c1e77";

  /** The error a call rejects with when the caller's fetch throws `thrown`. */
  async function failWith(thrown: unknown): Promise<MeetingError> {
    const meeting = createMeetingClient({
      baseUrl: "http://127.0.0.1:9",
      maxRetries: 0,
      fetch: () => Promise.reject(thrown),
    });
    return (await meeting
      .conference("986947855", { token: TOKEN })
      .inviteToShare("p1")
      .catch((e: unknown) => e)) as MeetingError;
  }

  /** What an error shows: its own properties, whole, and its cause chain the same way. */
  function shown(error: unknown): unknown {
    if (!(error instanceof Error)) return error;
    const own = Object.getOwnPropertyNames(error).sort();
    const { name, message, stack } = error;
    return { own, name, message, stack, code: (error as { code?: unknown }).code, cause: shown(error.cause) };
  }

  it("keeps the cause chain, each error's name, message, code and stack, the secret redacted; nothing else", async () => {
    const socket = Object.assign(new Error(`read ECONNRESET near ${TOKEN}`), { code: "ECONNRESET", errno: -104, syscall: "read", data: `raw ${TOKEN}` });
    socket.stack = `Error: read ECONNRESET near ${TOKEN}\n    at TCP.onStreamRead (node:internal/stream_base_commons:216:20)`;
    const failed = Object.assign(new TypeError("fetch failed", { cause: socket }), { code: "UND_ERR_SOCKET" });
    failed.stack = "TypeError: fetch failed\n    at fetch (node:internal/deps/undici:1:1)";
    const error = await failWith(failed);
    expect(error).toBeInstanceOf(MeetingError);
    expect(error.name).toBe("MeetingConnectionError");
    expect(error.message).toBe(
      "PUT http://127.0.0.1:9/v1/mmc/control/conferences/participants/share/invite?conferenceID=986947855&participantID=p1: no response (1 attempt): ECONNRESET",
    );
    expect(shown(error.cause)).toEqual({
      own: ["cause", "code", "message", "name", "stack"],
      name: "TypeError",
      message: "fetch failed",
      stack: "TypeError: fetch failed\n    at fetch (node:internal/deps/undici:1:1)",
      code: "UND_ERR_SOCKET",
      cause: {
        own: ["code", "message", "name", "stack"],
        name: "Error",
        message: "read ECONNRESET near [redacted]",
        stack: "Error: read ECONNRESET near [redacted]\n    at TCP.onStreamRead (node:internal/stream_base_commons:216:20)",
        code: "ECONNRESET",
        cause: undefined,
      },
    });
  });

  it("a cause chain that loops is copied five errors deep, then stops", async () => {
    const looping = Object.assign(new Error(`loop ${TOKEN}`), { code: "UND_ERR_CLOSED" });
    looping.cause = looping;
    const error = await failWith(looping);
    const chain: unknown[] = [];
    for (let e: unknown = error.cause; e instanceof Error; e = e.cause) chain.push([e.name, e.message, (e as { code?: string }).code]);
    expect(chain).toEqual(Array.from({ length: 5 }, () => ["Error", "loop [redacted]", "UND_ERR_CLOSED"]));
  });

  it("something thrown that is not an Error: its text as the message, name Error, no stack, a code only when it is text", async () => {
    expect(shown((await failWith(`boom ${TOKEN}`)).cause)).toEqual({
      own: ["message", "name", "stack"],
      name: "Error",
      message: "boom [redacted]",
      stack: "",
      code: undefined,
      cause: undefined,
    });
    expect(shown((await failWith({ name: `N ${TOKEN}`, message: "m", code: 42, stack: "s" })).cause)).toEqual({
      own: ["message", "name", "stack"],
      name: "N [redacted]",
      message: "m",
      stack: "s",
      code: undefined,
      cause: undefined,
    });
    expect(shown((await failWith(null)).cause)).toMatchObject({ name: "Error", message: "null", stack: "" });
  });
});
