// Per-call headers: every facade method takes `headers`, for its own request only; the
// secret headers come from auth alone.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AuthenticationError, MeetingInputError } from "../../src/node.js";
import { conferenceID, participantID } from "../support/helpers.js";
import { startRecorder, type Recorder } from "../support/servers/recorder.js";
import { transports } from "../support/transports.js";

describe.each(transports)("on the %s transport", (_transport, createMeetingClient) => {
  let server: Recorder;
  beforeAll(async () => {
    server = await startRecorder((request) =>
      request.target.startsWith("/v1/mmc/control/conferences/token") ? { body: '{"data":{"token":"EXAMPLE-issued-token"}}' } : { body: '{"participants":[]}' },
    );
  });
  afterAll(() => server.close());

  it("Prism's Prefer: code=401 on one call chooses that call's answer", async () => {
    const conf = createMeetingClient({ baseUrl: inject("prismUrl"), maxRetries: 0 }).conference(conferenceID, { token: "EXAMPLE-control-token" });
    await expect(conf.inviteToShare(participantID, { headers: { Prefer: "code=401" } })).rejects.toBeInstanceOf(AuthenticationError);
    await expect(conf.inviteToShare(participantID)).resolves.toBeUndefined();
  });

  it("each facade method sends the call's headers on its own request, not on the token request it waits for", async () => {
    server.requests.length = 0;
    const conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { hostPassword: "EXAMPLE-host-password" });
    await conf.realTimeInfo({ headers: { "X-Trace": "t1" } });
    await conf.inviteToShare(participantID, { headers: { "X-Trace": "t2" } });
    await conf.cancelShareInvitation(participantID, { headers: { "X-Trace": "t3" } });
    const traces = server.requests.map((r) => [r.target.split("?")[0], r.headers["x-trace"], r.headers["x-conference-authorization"]]);
    expect(traces).toEqual([
      ["/v1/mmc/control/conferences/token", undefined, undefined],
      ["/v1/mmc/control/conferences/realTimeInfo", "t1", "EXAMPLE-issued-token"],
      ["/v1/mmc/control/conferences/participants/share/invite", "t2", "EXAMPLE-issued-token"],
      ["/v1/mmc/control/conferences/participants/share/invite", "t3", "EXAMPLE-issued-token"],
    ]);
  });

  it("token() sends its headers on the token request it starts", async () => {
    server.requests.length = 0;
    const conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { hostPassword: "EXAMPLE-host-password" });
    await expect(conf.token({ headers: { "X-Trace": "t4" } })).resolves.toBe("EXAMPLE-issued-token");
    expect(server.requests.map((r) => r.headers["x-trace"])).toEqual(["t4"]);
  });

  it("the secret headers cannot be overridden, in any letter case", async () => {
    server.requests.length = 0;
    const conf = createMeetingClient({ baseUrl: server.url }).conference(conferenceID, { token: "EXAMPLE-control-token" });
    for (const name of ["X-Conference-Authorization", "x-conference-authorization", "X-PASSWORD", "X-Nonce"]) {
      await expect(conf.inviteToShare(participantID, { headers: { [name]: "other" } })).rejects.toMatchObject({
        name: "MeetingInputError",
        field: `options.headers.${name}`,
      });
    }
    await expect(conf.token({ headers: { "X-Password": "other" } })).rejects.toBeInstanceOf(MeetingInputError);
    expect(server.requests).toEqual([]);
  });
});
