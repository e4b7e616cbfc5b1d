import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { type RealTimeInfo } from "../../src/node.js";
import { conferenceID, prismClient } from "../support/helpers.js";
import { startRecorder, type Recorder } from "../support/servers/recorder.js";
import { transports } from "../support/transports.js";

describe.each(transports)("on the %s transport", (_transport, createMeetingClient) => {
  describe("realTimeInfo", () => {
    it("returns the typed participants from the Prism mock", async () => {
      const { meeting, exchanges } = prismClient(createMeetingClient);
      const info = await meeting.conference(conferenceID, { token: "EXAMPLE-control-token" }).realTimeInfo();
      expectTypeOf(info).toEqualTypeOf<RealTimeInfo>();
      expectTypeOf(info.participants).toEqualTypeOf<{ pid?: string; name?: string; phone?: string; state?: number; video?: number; mute?: number; hand?: number }[] | undefined>();
      expect(info.participants?.map((p) => p.pid)).toEqual(["4a5rg64ag5p8pvvnam1rr6m8lqra6a61", "9b2c7d41e0f3a5b6c8d9e0f1a2b3c4d5"]);
      expect(info.participants?.[0]).toMatchObject({ name: "Alice", state: 0, video: 1, mute: 1, hand: 0 });
      expect(info.confInfo?.chairID).toBe("4a5rg64ag5p8pvvnam1rr6m8lqra6a61");
      expect(exchanges).toMatchObject([{ method: "GET", status: 200, violations: null }]);
    });

    describe("against a loopback server", () => {
      let server: Recorder;
      beforeAll(async () => {
        server = await startRecorder();
      });
      afterAll(() => server.close());
      const conf = () => createMeetingClient({ baseUrl: server.url }).conference("98 69&47", { token: "t0k3n" });

      it("sends GET with the conferenceID encoded exactly and the token header", async () => {
        server.respond(() => ({ body: '{"participants":[]}' }));
        await expect(conf().realTimeInfo()).resolves.toEqual({ participants: [] });
        const request = server.requests.at(-1)!;
        expect(request.method).toBe("GET");
        expect(request.target).toBe("/v1/mmc/control/conferences/realTimeInfo?conferenceID=98%2069%2647");
        expect(request.headers["x-conference-authorization"]).toBe("t0k3n");
      });

      it.each([
        ["an empty body", ""],
        ["a JSON array", "[]"],
        ["HTML", "<html></html>"],
      ])("rejects a 200 with %s as MeetingApiError", async (_, body) => {
        server.respond(() => ({ body }));
        await expect(conf().realTimeInfo()).rejects.toMatchObject({ name: "MeetingApiError", status: 200 });
      });
    });
  });
});
