import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { conferenceID, participantID, prismClient } from "../support/helpers.js";
import { startRecorder, type Recorder } from "../support/servers/recorder.js";
import { transports } from "../support/transports.js";

describe.each(transports)("on the %s transport", (_transport, createMeetingClient) => {
  const path = "/v1/mmc/control/conferences/participants/share/invite";

  describe("inviteToShare and cancelShareInvitation against the Prism mock", () => {
    it("succeed, and Prism finds every request valid", async () => {
      const { meeting, exchanges } = prismClient(createMeetingClient);
      const conf = meeting.conference(conferenceID, { token: "EXAMPLE-control-token" });
      await expect(conf.inviteToShare(participantID)).resolves.toBeUndefined();
      await expect(conf.cancelShareInvitation(participantID)).resolves.toBeUndefined();
      expect(exchanges).toHaveLength(2);
      for (const exchange of exchanges) {
        expect(exchange).toMatchObject({ method: "PUT", status: 200, violations: null });
      }
    });

    it("obtain the token with the host password first, and Prism finds every request valid", async () => {
      const { meeting, exchanges } = prismClient(createMeetingClient);
      const conf = meeting.conference(conferenceID, { hostPassword: "EXAMPLE-host-password" });
      await conf.inviteToShare(participantID);
      expect(exchanges.map((e) => [e.method, new URL(e.url).pathname, e.status, e.violations])).toEqual([
        ["GET", "/v1/mmc/control/conferences/token", 200, null],
        ["PUT", path, 200, null],
      ]);
    });
  });

  describe("the wire format, as a loopback server receives it", () => {
    let server: Recorder;
    beforeAll(async () => {
      server = await startRecorder();
    });
    afterAll(() => server.close());

    it.each([
      ["inviteToShare", '{"share":1}'],
      ["cancelShareInvitation", '{"share":0}'],
    ] as const)("%s sends the seed's request: PUT, exact query names, token header, %s", async (method, body) => {
      server.requests.length = 0;
      const conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { token: "Basic EXAMPLE-token" });
      await conf[method](participantID);
      expect(server.requests).toHaveLength(1);
      const [request] = server.requests;
      expect(request!.method).toBe("PUT");
      expect(request!.target).toBe(`${path}?conferenceID=${conferenceID}&participantID=${participantID}`);
      expect(request!.headers["x-conference-authorization"]).toBe("Basic EXAMPLE-token");
      expect(request!.headers["content-type"]).toBe("application/json");
      expect(request!.body).toBe(body);
    });

    it.each([
      ["an empty body", "", undefined],
      ["{}", "{}", undefined],
      ["any JSON object", '{"request_id":"f78b007ec2dabf1498620131c7"}', undefined],
    ])("a 200 with %s is success", async (_, body) => {
      server.respond(() => ({ status: 200, body }));
      const conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { token: "t0k3n" });
      await expect(conf.inviteToShare(participantID)).resolves.toBeUndefined();
    });

    it("a 200 whose body is not JSON is an error, not a silent success", async () => {
      server.respond(() => ({ status: 200, headers: { "content-type": "text/html" }, body: "<html>login</html>" }));
      const conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { token: "t0k3n" });
      await expect(conf.inviteToShare(participantID)).rejects.toMatchObject({
        name: "MeetingApiError",
        status: 200,
        message: expect.stringContaining("not a JSON object"),
      });
    });
  });
});
