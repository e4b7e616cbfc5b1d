import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthenticationError, BadRequestError, InternalServerError, MeetingApiError, MeetingError, PermissionDeniedError } from "../../src/node.js";
import { conferenceID, participantID, prismClient } from "../support/helpers.js";
import { startRecorder, type Recorder } from "../support/servers/recorder.js";
import { transports } from "../support/transports.js";

describe.each(transports)("on the %s transport", (_transport, createMeetingClient) => {
  const token = { token: "EXAMPLE-control-token" };

  describe("error statuses from the Prism mock become typed errors", () => {
    it.each([
      ["code=400", BadRequestError, 400, "MMC.111070005", "conference does not exist or is out of date"],
      ["code=403", PermissionDeniedError, 403, "MMC.111070006", "insufficient permissions"],
      ["code=500", InternalServerError, 500, "MMC.11070003", "CONF_EXCEPTION"],
      ["code=401", AuthenticationError, 401, "MMC.118000001", "USER_TOKEN_AUTH_FAILED"],
    ] as const)("Prefer: %s → %o", async (prefer, ErrorClass, status, errorCode, errorMsg) => {
      const { meeting, exchanges } = prismClient(createMeetingClient, { prefer, maxRetries: 0 });
      const conf = meeting.conference(conferenceID, token);
      const error = await conf.inviteToShare(participantID).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(MeetingApiError);
      expect(error).toBeInstanceOf(MeetingError);
      expect(error).toMatchObject({ status, errorCode, errorMsg, requestId: "f78b007ec2dabf1498620131c7bc19e0" });
      expect((error as MeetingApiError).body).toEqual({ error_code: errorCode, error_msg: errorMsg });
      expect((error as Error).message).toBe(
        `PUT /v1/mmc/control/conferences/participants/share/invite: HTTP ${status} ${errorCode}: ${errorMsg} [request f78b007ec2dabf1498620131c7bc19e0]`,
      );
      expect(exchanges[0]?.violations).toBeNull();
    });

    it("a missing token is refused by the server with AuthenticationError", async () => {
      const { meeting, exchanges } = prismClient(createMeetingClient);
      // Strip the header on its way out, as a broken proxy would.
      meeting.api.use({
        onRequest({ request }) {
          request.headers.delete("X-Conference-Authorization");
          return request;
        },
      });
      const error = await meeting
        .conference(conferenceID, token)
        .inviteToShare(participantID)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status: 401, errorCode: "MMC.118000001" });
      expect(exchanges[0]?.violations).toContain("x-conference-authorization");
    });

    it("a token request refused by the server surfaces as its typed error", async () => {
      const { meeting } = prismClient(createMeetingClient, { prefer: "code=400" });
      const conf = meeting.conference(conferenceID, { hostPassword: "EXAMPLE-wrong-password" });
      await expect(conf.token()).rejects.toMatchObject({ name: "BadRequestError", errorCode: "MMC.111070005" });
    });
  });

  describe("error bodies as gateways and the vendor really send them", () => {
    let server: Recorder;
    beforeAll(async () => {
      server = await startRecorder();
    });
    afterAll(() => server.close());

    const call = () =>
      createMeetingClient({ baseUrl: server.url, maxRetries: 0 })
        .conference(conferenceID, token)
        .inviteToShare(participantID)
        .then(
          () => {
            throw new Error("expected the call to fail");
          },
          (error: unknown) => error as MeetingApiError,
        );

    it.each([
      ["error_code / error_msg", { error_code: "MMC.111072005", error_msg: "meeting not started" }, "MMC.111072005", "meeting not started"],
      ["errorCode / errorMsg", { errorCode: "USG.201040000", errorMsg: "user does not exist" }, "USG.201040000", "user does not exist"],
      ["code / message", { code: "MMC.1", message: "m" }, "MMC.1", "m"],
      ["error_code before errorCode before code", { code: "c", errorCode: "b", error_code: "a", message: "z", error_msg: "x" }, "a", "x"],
    ])("reads %s", async (_, body, errorCode, errorMsg) => {
      server.respond(() => ({ status: 400, headers: { "x-request-id": "req-1" }, body: JSON.stringify(body) }));
      const error = await call();
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).toMatchObject({ status: 400, errorCode, errorMsg, requestId: "req-1", body });
    });

    it.each([600, 999])("a status outside 200–599 (%i): a plain MeetingApiError, not retried, on every transport", async (status) => {
      server.requests.length = 0;
      server.respond(() => ({ status, headers: { "x-request-id": "req-odd" }, body: '{"error_code":"X.1"}' }));
      const error = (await createMeetingClient({ baseUrl: server.url, maxRetries: 2 })
        .conference(conferenceID, token)
        .realTimeInfo()
        .catch((e: unknown) => e)) as MeetingApiError;
      expect(error.constructor).toBe(MeetingApiError);
      expect(error).toMatchObject({ status, errorCode: "X.1", requestId: "req-odd" });
      expect(error.message).toBe(`GET /v1/mmc/control/conferences/realTimeInfo: HTTP ${status} X.1 [request req-odd]`);
      expect(server.requests).toHaveLength(1);
    });

    it.each([
      [502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>", InternalServerError],
      [503, "text/plain", "upstream connect error", InternalServerError],
      [500, "application/json", "", InternalServerError],
      [500, "application/json", '{"error_code": "MMC.1', InternalServerError],
      [429, "application/json", "", MeetingApiError],
      [404, "text/html", "<h1>Not Found</h1>", MeetingApiError],
    ])("survives a %i with a %s body %j", async (status, type, body, ErrorClass) => {
      server.respond(() => ({ status, headers: { "content-type": type }, body }));
      const error = await call();
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error.constructor).toBe(ErrorClass);
      expect(error).toMatchObject({ status, errorCode: String(status), errorMsg: undefined, requestId: undefined });
      expect(error.body).toBe(body === "" ? undefined : body);
    });
  });
});
