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
