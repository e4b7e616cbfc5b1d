import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MeetingInputError } from "../../src/node.js";
import { conferenceID, participantID, prismClient } from "../support/helpers.js";
import { startRecorder, type Recorder } from "../support/servers/recorder.js";
import { transports } from "../support/transports.js";

describe.each(transports)("on the %s transport", (_transport, createMeetingClient) => {
  describe("conference authorization", () => {
    let server: Recorder;
    beforeAll(async () => {
      server = await startRecorder();
    });
    afterAll(() => server.close());

    it("{ hostPassword } obtains the token once with X-Password and X-Login-Type: 1, then sends it", async () => {
      server.requests.length = 0;
      server.respond(({ target }) =>
        target.startsWith("/v1/mmc/control/conferences/token") ? { body: JSON.stringify({ data: { token: "obtained-token", confTokenExpireTime: 1800 } }) } : {},
      );
      const conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { hostPassword: "pa ss:word" });
      await Promise.all([conf.inviteToShare(participantID), conf.cancelShareInvitation(participantID), conf.realTimeInfo()]);
      const [tokenRequest, ...calls] = server.requests;
      expect(tokenRequest).toMatchObject({
        method: "GET",
        target: `/v1/mmc/control/conferences/token?conferenceID=${conferenceID}`,
        headers: { "x-password": "pa ss:word", "x-login-type": "1" },
      });
      expect(tokenRequest!.headers["x-conference-authorization"]).toBeUndefined();
      expect(calls).toHaveLength(3);
      for (const call of calls) expect(call.headers["x-conference-authorization"]).toBe("obtained-token");
      await expect(conf.token()).resolves.toBe("obtained-token");
    });

    it("a failed token request is not cached: the next call asks again", async () => {
      server.requests.length = 0;
      let attempt = 0;
      server.respond(() => (++attempt === 1 ? { status: 500, body: '{"error_code":"MMC.11070003","error_msg":"CONF_EXCEPTION"}' } : { body: '{"data":{"token":"second"}}' }));
      const conf = createMeetingClient({ baseUrl: server.url, maxRetries: 0 }).conference(conferenceID, { hostPassword: "pw" });
      await expect(conf.token()).rejects.toMatchObject({ name: "InternalServerError", errorCode: "MMC.11070003" });
      await expect(conf.token()).resolves.toBe("second");
      expect(server.requests).toHaveLength(2);
    });

    it("a 200 without data.token is an error", async () => {
      server.respond(() => ({ body: '{"data":{}}' }));
      const conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { hostPassword: "pw" });
      await expect(conf.token()).rejects.toMatchObject({ name: "MeetingApiError", status: 200, message: expect.stringContaining("data.token") });
    });

    it("{ token } is sent unchanged and token() returns it", async () => {
      const { meeting } = prismClient(createMeetingClient);
      const conf = meeting.conference(conferenceID, { token: "Basic EXAMPLE-token==" });
      await expect(conf.token()).resolves.toBe("Basic EXAMPLE-token==");
    });

    it.each([
      ["no auth", undefined, "auth"],
      ["both", { token: "a", hostPassword: "b" }, "auth"],
      ["neither", {}, "auth"],
      ["an empty token", { token: "" }, "auth.token"],
      ["a token with CR/LF", { token: "a\r\nX-Evil: 1" }, "auth.token"],
      ["a numeric password", { hostPassword: 1234 }, "auth.hostPassword"],
    ])("rejects %s with MeetingInputError naming the field, before any request", (_, auth, field) => {
      const before = server.requests.length;
      const meeting = createMeetingClient({ baseUrl: server.url });
      // @ts-expect-error -- callers without types
      const make = () => meeting.conference(conferenceID, auth);
      expect(make).toThrow(MeetingInputError);
      expect(make).toThrow(expect.objectContaining({ field }));
      expect(server.requests.length).toBe(before);
    });
  });
});
