// lockSharing, unlockSharing and updateSettings (updateStartedConfConfig), and createWebSocketToken through the typed client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MeetingInputError } from "../../src/node.js";
import { conferenceID, prismClient } from "../support/helpers.js";
import { startRecorder, type Recorder } from "../support/servers/recorder.js";
import { transports } from "../support/transports.js";

const path = "/v1/mmc/control/conferences/updateStartedConfConfig";
const token = { token: "EXAMPLE-control-token" };

describe.each(transports)("on the %s transport", (_transport, createMeetingClient) => {
  describe("against the Prism mock", () => {
    it("lockSharing, unlockSharing and updateSettings succeed, and Prism finds every request valid", async () => {
      const { meeting, exchanges } = prismClient(createMeetingClient);
      const conf = meeting.conference(conferenceID, token);
      await expect(conf.lockSharing()).resolves.toBeUndefined();
      await expect(conf.unlockSharing()).resolves.toBeUndefined();
      await expect(conf.updateSettings({ freeShare: 1, isLock: 0, chatPermission: 4, clientRecMode: 2 })).resolves.toBeUndefined();
      expect(exchanges.map((e) => [e.method, new URL(e.url).pathname, e.status, e.violations])).toEqual([
        ["PUT", path, 200, null],
        ["PUT", path, 200, null],
        ["PUT", path, 200, null],
      ]);
    });

    it("lockSharing obtains the token with the host password first", async () => {
      const { meeting, exchanges } = prismClient(createMeetingClient);
      await meeting.conference(conferenceID, { hostPassword: "EXAMPLE-host-password" }).lockSharing();
      expect(exchanges.map((e) => [e.method, new URL(e.url).pathname, e.status, e.violations])).toEqual([
        ["GET", "/v1/mmc/control/conferences/token", 200, null],
        ["PUT", path, 200, null],
      ]);
    });

    it("an error status becomes its typed error", async () => {
      const { meeting } = prismClient(createMeetingClient, { prefer: "code=403", maxRetries: 0 });
      await expect(meeting.conference(conferenceID, token).lockSharing()).rejects.toMatchObject({ name: "PermissionDeniedError", status: 403 });
    });

    it("createWebSocketToken, through meeting.api, answers the spec's example and Prism finds the request valid", async () => {
      const { meeting, exchanges } = prismClient(createMeetingClient);
      const { data, response } = await meeting.api.GET("/v1/mmc/control/conferences/wsToken", {
        params: { query: { conferenceID }, header: { "X-Conference-Authorization": "EXAMPLE-control-token" } },
      });
      expect(response.status).toBe(200);
      expect(data).toEqual({ webSocketToken: "EXAMPLE-websocket-token" });
      expect(exchanges).toMatchObject([{ method: "GET", status: 200, violations: null }]);
    });

    it("createWebSocketToken without the token header: Prism reports the violation", async () => {
      const { meeting, exchanges } = prismClient(createMeetingClient);
      // @ts-expect-error the header is required: sent without it on purpose
      const { response } = await meeting.api.GET("/v1/mmc/control/conferences/wsToken", { params: { query: { conferenceID } } });
      expect(response.status).toBe(401);
      expect(exchanges[0]?.violations).toContain("x-conference-authorization");
    });
  });

  describe("the wire format, as a loopback server receives it", () => {
    let server: Recorder;
    beforeAll(async () => {
      server = await startRecorder();
    });
    afterAll(() => server.close());

    it.each([
      ["lockSharing", [], '{"lockSharing":1}'],
      ["unlockSharing", [], '{"lockSharing":0}'],
      ["updateSettings", [{ freeShare: 0, callInRestriction: 3 }], '{"freeShare":0,"callInRestriction":3}'],
    ] as const)("%s sends PUT, the conferenceID, the token header and %s", async (method, args, body) => {
      server.requests.length = 0;
      server.respond(() => ({ status: 200, body: "" }));
      const conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { token: "EXAMPLE-token" });
      await (conf[method] as (...a: unknown[]) => Promise<void>)(...args);
      expect(server.requests).toHaveLength(1);
      const [request] = server.requests;
      expect(request!.method).toBe("PUT");
      expect(request!.target).toBe(`${path}?conferenceID=${conferenceID}`);
      expect(request!.headers["x-conference-authorization"]).toBe("EXAMPLE-token");
      expect(request!.headers["content-type"]).toBe("application/json");
      expect(request!.body).toBe(body);
    });

    it.each([
      ["an empty body", ""],
      ["{}", "{}"],
      ["any JSON object", '{"request_id":"f78b007ec2dabf1498620131c7"}'],
    ])("a 200 with %s is success", async (_, body) => {
      server.respond(() => ({ status: 200, body }));
      const conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { token: "t0k3n" });
      await expect(conf.lockSharing()).resolves.toBeUndefined();
    });

    it("a 200 whose body is not JSON is an error, not a silent success", async () => {
      server.respond(() => ({ status: 200, headers: { "content-type": "text/html" }, body: "<html>login</html>" }));
      const conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { token: "t0k3n" });
      await expect(conf.unlockSharing()).rejects.toMatchObject({ name: "MeetingApiError", status: 200, message: expect.stringContaining("not a JSON object") });
    });

    it("a 401 on a provided token asks for a new one and sends again once", async () => {
      server.requests.length = 0;
      server.respond((request) =>
        request.headers["x-conference-authorization"] === "EXAMPLE-old" ? { status: 401, body: '{"error_code":"MMC.1","error_msg":"expired"}' } : { status: 200, body: "" },
      );
      const tokens = ["EXAMPLE-old", "EXAMPLE-new"];
      const conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { token: () => tokens.shift()! });
      await conf.lockSharing();
      expect(server.requests.map((r) => r.headers["x-conference-authorization"])).toEqual(["EXAMPLE-old", "EXAMPLE-new"]);
    });

    it("meeting.api sends a body as JSON, as every body in the spec is, whatever content type the call sets", async () => {
      server.requests.length = 0;
      server.respond(() => ({ status: 200, body: "" }));
      await createMeetingClient({ baseUrl: server.url }).api.PUT(path, {
        params: { query: { conferenceID }, header: { "X-Conference-Authorization": "t0k3n" } },
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: { lockSharing: 1 },
      });
      expect(server.requests.map((r) => r.body)).toEqual(['{"lockSharing":1}']);
    });

    it("sends only the checked values: a getter is read once", async () => {
      server.requests.length = 0;
      server.respond(() => ({ status: 200, body: "" }));
      let reads = 0;
      const settings = {
        get isLock() {
          return reads++ === 0 ? 1 : 7;
        },
      };
      await createMeetingClient({ baseUrl: server.url })
        .conference(conferenceID, { token: "t0k3n" })
        .updateSettings(settings as never);
      expect(server.requests.map((r) => r.body)).toEqual(['{"isLock":1}']);
      expect(reads).toBe(1);
    });
  });

  describe("updateSettings refuses bad settings before sending anything", () => {
    let server: Recorder;
    beforeAll(async () => {
      server = await startRecorder();
    });
    afterAll(() => server.close());

    it.each<[string, unknown, string, RegExp]>([
      ["an empty object", {}, "settings", /at least one setting/],
      ["undefined", undefined, "settings", /must be an object, got undefined/],
      ["null", null, "settings", /must be an object, got null/],
      ["an array", [{ lockSharing: 1 }], "settings", /must be an object, got an array/],
      ["a number", 1, "settings", /must be an object, got 1/],
      ["an unknown setting", { lockSharing: 1, lockShare: 1 }, "settings", /no setting "lockShare"/],
      ["a value outside the enum", { lockSharing: 2 }, "settings.lockSharing", /one of 0, 1, got 2/],
      ["callInRestriction 1", { callInRestriction: 1 }, "settings.callInRestriction", /one of 0, 2, 3, got 1/],
      ["a string value", { freeShare: "1" }, "settings.freeShare", /one of 0, 1, got string/],
      ["an undefined value", { isLock: undefined }, "settings.isLock", /got undefined/],
      ["a fraction for clientRecMode", { clientRecMode: 1.5 }, "settings.clientRecMode", /int32 integer, got 1.5/],
      ["clientRecMode beyond int32", { clientRecMode: 2 ** 31 }, "settings.clientRecMode", /int32 integer/],
    ])("%s", async (_, settings, field, message) => {
      server.requests.length = 0;
      const conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { token: "t0k3n" });
      const error = await conf.updateSettings(settings as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MeetingInputError);
      expect(error).toMatchObject({ field, message: expect.stringMatching(message) });
      expect(server.requests).toHaveLength(0);
    });

    it("the unknown setting's message lists the known ones", async () => {
      const conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { token: "t0k3n" });
      await expect(conf.updateSettings({ sharing: 1 } as never)).rejects.toThrow(/the settings are lockSharing, freeShare, isLock/);
    });
  });
});
