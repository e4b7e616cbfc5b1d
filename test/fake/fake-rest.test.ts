// The fake's REST behaviour, each proven in-process (fake.fetch) and over loopback (listen()).
import { afterEach, describe, expect, it } from "vitest";
import { AuthenticationError, BadRequestError, InternalServerError, MeetingInputError } from "../../src/node.js";
import { operations } from "../../src/generated/validators.js";
import { handlers } from "../../src/testing/handlers.js";
import { control, delay, HOST_PASSWORD, modes, PATHS, requestToken, until, type Door } from "../support/fake-helpers.js";

describe.each(Object.entries(modes))("the fake, %s mode", (_mode, open) => {
  let door: Door;
  afterEach(() => door?.close());

  const setUp = async (options?: Parameters<typeof open>[0]) => {
    door = await open(options);
    const meeting = door.fake.addMeeting({ hostPassword: HOST_PASSWORD });
    const conf = door.client.conference(meeting.conferenceID, { hostPassword: HOST_PASSWORD });
    return { meeting, conf };
  };

  describe("tokens", () => {
    it("issues a 30-minute token on the host password, with expireTime and confTokenExpireTime on the fake's clock", async () => {
      const { meeting } = await setUp();
      const { response, body } = await requestToken(door, meeting.conferenceID);
      expect(response.status).toBe(200);
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
      expect(body.data.confTokenExpireTime).toBe(1800);
      expect(body.data.expireTime - door.fake.now()).toBeGreaterThan(30 * 60_000 - 1_000);
      expect(body.data.expireTime - door.fake.now()).toBeLessThanOrEqual(30 * 60_000);
      expect(body.data.wsURL).toBe(door.baseUrl.startsWith("https:") ? "wss://meeting-fake.invalid" : door.baseUrl.replace(/^http/, "ws"));
    });

    it("refuses a wrong host password with 401 and the fake's code", async () => {
      const { meeting } = await setUp();
      const { response, body } = await requestToken(door, meeting.conferenceID, "FAKE-wrong-password");
      expect(response.status).toBe(401);
      expect(body).toEqual({ error_code: "FAKE.401001", error_msg: "host password does not match" });
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    });

    it("renews a still-valid token without checking the password; an expired one needs the password", async () => {
      const { meeting } = await setUp();
      const first = (await requestToken(door, meeting.conferenceID)).body.data;
      door.fake.advanceTime(20 * 60_000);
      const renewed = await requestToken(door, meeting.conferenceID, "FAKE-wrong-password", first.token);
      expect(renewed.response.status).toBe(200);
      expect(renewed.body.data.token).not.toBe(first.token);
      expect(renewed.body.data.expireTime).toBeGreaterThan(first.expireTime);
      door.fake.advanceTime(31 * 60_000);
      const expired = await requestToken(door, meeting.conferenceID, "FAKE-wrong-password", renewed.body.data.token);
      expect(expired.response.status).toBe(401);
      expect((await requestToken(door, meeting.conferenceID, HOST_PASSWORD, renewed.body.data.token)).response.status).toBe(200);
    });

    it("answers 401 MMC.118000001 to a control call with a missing, unknown or expired token", async () => {
      const { meeting } = await setUp();
      const { token } = (await requestToken(door, meeting.conferenceID)).body.data;
      const query = { conferenceID: meeting.conferenceID };
      expect((await control(door, PATHS.realTimeInfo, query, token)).response.status).toBe(200);
      for (const sent of [undefined, "FAKE-token-unknown"]) {
        const { response, body } = await control(door, PATHS.realTimeInfo, query, sent);
        expect(response.status).toBe(401);
        expect(body).toEqual({ error_code: "MMC.118000001", error_msg: "USER_TOKEN_AUTH_FAILED" });
      }
      door.fake.advanceTime(30 * 60_000);
      expect((await control(door, PATHS.realTimeInfo, query, token)).response.status).toBe(401);
    });

    it("through the client: a token that expired on the fake's clock is replaced with the host password", async () => {
      const { conf } = await setUp();
      const first = await conf.token();
      door.fake.advanceTime(31 * 60_000);
      await conf.realTimeInfo();
      expect(await conf.token()).not.toBe(first);
      const statuses = door.fake.journal.map(({ operationId, status }) => `${operationId} ${status}`);
      expect(statuses.filter((line) => line.startsWith("createConfToken"))).toEqual(["createConfToken 200", "createConfToken 200"]);
    });
  });

  describe("meetings and participants", () => {
    it("answers 400 MMC.111070005 for an unknown conference and MMC.111072005 for one not started or ended", async () => {
      const { meeting } = await setUp();
      const unknown = await requestToken(door, "123456789");
      expect(unknown.response.status).toBe(400);
      expect(unknown.body).toMatchObject({ error_code: "MMC.111070005" });
      const later = door.fake.addMeeting({ hostPassword: HOST_PASSWORD, conferenceID: "555000111", started: false });
      expect((await requestToken(door, later.conferenceID)).body).toMatchObject({ error_code: "MMC.111072005" });
      later.start();
      expect((await requestToken(door, later.conferenceID)).response.status).toBe(200);
      const { token } = (await requestToken(door, meeting.conferenceID)).body.data;
      meeting.end();
      const ended = await control(door, PATHS.realTimeInfo, { conferenceID: meeting.conferenceID }, token);
      expect(ended.response.status).toBe(400);
      expect(ended.body).toMatchObject({ error_code: "MMC.111072005" });
    });

    it("lists the online participants with their pids", async () => {
      const { meeting, conf } = await setUp();
      const alice = meeting.join({ name: "Alice" });
      const bob = meeting.join({ name: "Bob" });
      meeting.leave(bob.pid);
      const { participants } = await conf.realTimeInfo();
      expect(participants).toEqual([{ pid: alice.pid, name: "Alice", phone: "", state: 0, video: 0, mute: 1, hand: 0 }]);
    });

    it("refuses an invitation to an unknown or departed pid with 400", async () => {
      const { meeting, conf } = await setUp();
      const bob = meeting.join({ name: "Bob" });
      meeting.leave(bob.pid);
      for (const pid of ["no-such-participant", bob.pid]) {
        const error = await conf.inviteToShare(pid).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(BadRequestError);
        expect(error).toMatchObject({ status: 400, errorCode: "USG.201040000" });
      }
    });

    it("remembers an invitation, and `share: 0` cancels it", async () => {
      const { meeting, conf } = await setUp();
      const alice = meeting.join({ name: "Alice" });
      await conf.inviteToShare(alice.pid);
      expect(meeting.participants).toEqual([{ pid: alice.pid, name: "Alice", sharing: false, invited: true, phone: "" }]);
      await conf.cancelShareInvitation(alice.pid);
      expect(meeting.participants[0]).toMatchObject({ sharing: false, invited: false });
    });

    it("with acceptShareInvitations, the invited participant starts sharing after shareDelayMs; cancelling stops it", async () => {
      const { meeting, conf } = await setUp({ acceptShareInvitations: true, shareDelayMs: 30 });
      const alice = meeting.join({ name: "Alice" });
      await conf.inviteToShare(alice.pid);
      expect(meeting.participants[0]!.sharing).toBe(false);
      await until(() => meeting.participants[0]!.sharing);
      expect(meeting.participants[0]!.invited).toBe(false);
      await conf.cancelShareInvitation(alice.pid);
      expect(meeting.participants[0]!.sharing).toBe(false);
    });

    it("a cancelled invitation is never accepted", async () => {
      const { meeting, conf } = await setUp({ acceptShareInvitations: true, shareDelayMs: 30 });
      const alice = meeting.join({ name: "Alice" });
      await conf.inviteToShare(alice.pid);
      await conf.cancelShareInvitation(alice.pid);
      await delay(80);
      expect(meeting.participants[0]).toMatchObject({ sharing: false, invited: false });
    });

    it("one share at a time: a participant who starts sharing stops the one before", async () => {
      const { meeting } = await setUp();
      const alice = meeting.join({ name: "Alice" });
      const bob = meeting.join({ name: "Bob" });
      meeting.startSharing(alice.pid);
      meeting.startSharing(bob.pid);
      expect(meeting.participants.map(({ name, sharing }) => [name, sharing])).toEqual([
        ["Alice", false],
        ["Bob", true],
      ]);
      expect(() => meeting.startSharing("no-such-pid")).toThrow(MeetingInputError);
    });
  });

  describe("settings and the WebSocket token", () => {
    it("updateStartedConfConfig changes lockSharing, freeShare and the rest; answers 200 without a body", async () => {
      const { meeting } = await setUp();
      expect(meeting.settings).toMatchObject({ lockSharing: 0, freeShare: 0, chatPermission: 4 });
      const { token } = (await requestToken(door, meeting.conferenceID)).body.data;
      const { response, body } = await control(door, PATHS.settings, { conferenceID: meeting.conferenceID }, token, {
        method: "PUT",
        body: { lockSharing: 1, freeShare: 1, chatPermission: 2 },
      });
      expect(response.status).toBe(200);
      expect(body).toBeUndefined();
      expect(meeting.settings).toMatchObject({ lockSharing: 1, freeShare: 1, chatPermission: 2, isLock: 0, allowRename: 1 });
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    });

    it("createWebSocketToken answers a fresh token each time", async () => {
      const { meeting } = await setUp();
      const { token } = (await requestToken(door, meeting.conferenceID)).body.data;
      const query = { conferenceID: meeting.conferenceID };
      const first = await control(door, PATHS.wsToken, query, token);
      const second = await control(door, PATHS.wsToken, query, token);
      expect(first.body?.webSocketToken).toEqual(expect.any(String));
      expect(first.body?.webSocketToken).not.toBe(second.body?.webSocketToken);
      expect((await control(door, PATHS.wsToken, query, "FAKE-token-unknown")).response.status).toBe(401);
    });
  });

  describe("validation", () => {
    it("answers 400 naming each field that breaks openapi.yaml as a JSON pointer, and records it in the journal", async () => {
      const { meeting } = await setUp();
      const { token } = (await requestToken(door, meeting.conferenceID)).body.data;
      const { response, body } = await control(door, PATHS.invite, { conferenceID: meeting.conferenceID }, token, { method: "PUT", body: { share: 2, extra: true } });
      expect(response.status).toBe(400);
      expect(body?.error_code).toBe("FAKE.400000");
      const { violations } = door.fake.journal.at(-1)!;
      expect(violations).toEqual([
        "/query/participantID: must have required property 'participantID'",
        "/body/extra: must NOT have additional properties",
        "/body/share: must be equal to one of the allowed values",
      ]);
      for (const violation of violations) expect(body?.error_msg).toContain(violation.split(":")[0]);
    });

    it("checks the int32 format: a settings value out of range is refused", async () => {
      const { meeting } = await setUp();
      const { token } = (await requestToken(door, meeting.conferenceID)).body.data;
      const { response } = await control(door, PATHS.settings, { conferenceID: meeting.conferenceID }, token, { method: "PUT", body: { clientRecMode: 2 ** 31 } });
      expect(response.status).toBe(400);
      expect(door.fake.journal.at(-1)!.violations).toEqual(['/body/clientRecMode: must match format "int32"']);
    });

    it("reads header parameters with their schema's type: X-Login-Type must be 1", async () => {
      const { meeting } = await setUp();
      const response = await door.fetch(`${door.baseUrl}${PATHS.token}?conferenceID=${meeting.conferenceID}`, { headers: { "X-Password": HOST_PASSWORD, "X-Login-Type": "2" } });
      expect(response.status).toBe(400);
      expect(door.fake.journal.at(-1)!.violations).toEqual(["/header/X-Login-Type: must be equal to constant"]);
    });

    it("answers 404 for a path and 405 for a method the spec does not have", async () => {
      await setUp();
      expect((await door.fetch(`${door.baseUrl}/v1/nothing`)).status).toBe(404);
      expect((await door.fetch(`${door.baseUrl}${PATHS.invite}`, { method: "DELETE" })).status).toBe(405);
      expect(door.fake.journal.map(({ operationId, status }) => [operationId, status])).toEqual([
        [null, 404],
        [null, 405],
      ]);
    });
    it("plays every operation of openapi.yaml: a valid muteMeeting, once answered 501, now answers 200 without a body", async () => {
      const { meeting } = await setUp();
      expect(Object.keys(handlers).sort()).toEqual(Object.keys(operations).sort());
      const { token } = (await requestToken(door, meeting.conferenceID)).body.data;
      const { response, body } = await control(door, "/v1/mmc/control/conferences/mute", { conferenceID: meeting.conferenceID }, token, { method: "PUT", body: { isMute: 1 } });
      expect(response.status).toBe(200);
      expect(body).toBeUndefined();
      expect(door.fake.journal.at(-1)).toMatchObject({ operationId: "muteMeeting", status: 200, violations: [] });
    });
  });

  describe("faults", () => {
    it("failNext answers the scripted status `times` times with Retry-After and body, then the real answer", async () => {
      const { meeting } = await setUp();
      const { token } = (await requestToken(door, meeting.conferenceID)).body.data;
      door.fake.failNext("showRealTimeInfoOfMeeting", { status: 503, times: 2, retryAfter: 1 });
      const query = { conferenceID: meeting.conferenceID };
      for (let attempt = 0; attempt < 2; attempt++) {
        const { response, body } = await control(door, PATHS.realTimeInfo, query, token);
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("1");
        expect(body).toEqual({ error_code: "FAKE.FAULT", error_msg: "fault injected by failNext" });
      }
      expect((await control(door, PATHS.realTimeInfo, query, token)).response.status).toBe(200);
    });

    it("a scripted fault with a body, through the client's error classes", async () => {
      const { meeting, conf } = await setUp();
      const alice = meeting.join({ name: "Alice" });
      door.fake.failNext("inviteShare", { status: 500, body: { error_code: "MMC.11070003", error_msg: "CONF_EXCEPTION" } });
      const error = await conf.inviteToShare(alice.pid).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InternalServerError);
      expect(error).toMatchObject({ errorCode: "MMC.11070003" });
      expect(meeting.participants[0]!.invited).toBe(false); // the fault came before the handler
    });

    it("the client's retry rides over a scripted 503", async () => {
      const { meeting } = await setUp();
      const { createMeetingClient } = await import("../../src/node.js");
      const fetcher = door.baseUrl.startsWith("https:") ? { fetch: door.fake.fetch } : {};
      const conf = createMeetingClient({ baseUrl: door.baseUrl, ...fetcher, maxRetries: 2 }).conference(meeting.conferenceID, { hostPassword: HOST_PASSWORD });
      door.fake.failNext("showRealTimeInfoOfMeeting", { status: 503, times: 2, retryAfter: 0 });
      await conf.realTimeInfo();
      expect(door.fake.journal.filter(({ operationId }) => operationId === "showRealTimeInfoOfMeeting").map(({ status }) => status)).toEqual([503, 503, 200]);
    });

    it("refuses a fault whose body the spec forbids for its status, when it is scripted", async () => {
      await setUp();
      expect(() => door.fake.failNext("inviteShare", { status: 400, body: { message: "no" } })).toThrow(MeetingInputError);
      expect(() => door.fake.failNext("nope" as never)).toThrow(/operationId must be one of/);
      expect(() => door.fake.failNext("inviteShare", { times: 0 })).toThrow(MeetingInputError);
    });

    it("latencyMs delays every answer", async () => {
      await setUp({ latencyMs: 60 });
      const started = Date.now();
      await door.fetch(`${door.baseUrl}/v1/nothing`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    });

    it("the client's authentication error on a wrong host password", async () => {
      const { meeting } = await setUp();
      const conf = door.client.conference(meeting.conferenceID, { hostPassword: "FAKE-wrong-password" });
      await expect(conf.realTimeInfo()).rejects.toBeInstanceOf(AuthenticationError);
    });
  });

  it("the journal holds no host password and no token", async () => {
    const { meeting, conf } = await setUp({ acceptShareInvitations: true, shareDelayMs: 0 });
    const alice = meeting.join({ name: "Alice" });
    const token = await conf.token();
    await conf.inviteToShare(alice.pid);
    await requestToken(door, meeting.conferenceID, "FAKE-wrong-password");
    const refused = await control(door, PATHS.invite, { conferenceID: meeting.conferenceID, participantID: alice.pid }, token, {
      method: "PUT",
      body: { share: 1, [HOST_PASSWORD]: token },
    });
    expect(refused.body?.error_msg).toBe("request does not match openapi.yaml: /body/[redacted]: must NOT have additional properties");
    const wsToken = (await control(door, PATHS.wsToken, { conferenceID: meeting.conferenceID }, token)).body?.webSocketToken as string;
    const journal = JSON.stringify(door.fake.journal);
    expect(door.fake.journal.at(-2)!.violations).toEqual(["/body/[redacted]: must NOT have additional properties"]);
    expect(door.fake.journal).toHaveLength(5);
    for (const secret of [HOST_PASSWORD, token, wsToken, "FAKE-wrong-password"]) expect(journal).not.toContain(secret);
  });
});
