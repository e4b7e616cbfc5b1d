// Compile-time guarantees: misuse of the raw client or the facade does not type-check.
import { describe, expectTypeOf, it } from "vitest";
import {
  createMeetingClient,
  type Conference,
  type MeetingClient,
  type MeetingSettings,
  type ParticipantHandle,
  type RealTimeInfo,
  type components,
  type operations,
} from "../../src/node.js";

declare const meeting: MeetingClient;
declare const conf: Conference;
const path = "/v1/mmc/control/conferences/participants/share/invite";
const header = { "X-Conference-Authorization": "t" };

describe("the typed openapi-fetch client", () => {
  it("accepts the seed's request", () => {
    meeting.api.PUT(path, { params: { query: { conferenceID: "1", participantID: "p" }, header }, body: { share: 1 } });
    meeting.api.PUT(path, { params: { query: { conferenceID: "1", participantID: "p" }, header }, body: { share: 0 } });
  });

  it("rejects a missing participantID", () => {
    // @ts-expect-error participantID is required
    meeting.api.PUT(path, { params: { query: { conferenceID: "1" }, header }, body: { share: 1 } });
  });

  it("rejects share: 2", () => {
    // @ts-expect-error share is 0 | 1
    meeting.api.PUT(path, { params: { query: { conferenceID: "1", participantID: "p" }, header }, body: { share: 2 } });
  });

  it("rejects other body fields", () => {
    meeting.api.PUT(path, {
      params: { query: { conferenceID: "1", participantID: "p" }, header },
      // @ts-expect-error the body holds share only
      body: { share: 1, extra: true },
    });
  });

  it("rejects a missing token header", () => {
    // @ts-expect-error X-Conference-Authorization is required
    meeting.api.PUT(path, { params: { query: { conferenceID: "1", participantID: "p" } }, body: { share: 1 } });
  });

  it("rejects a wrong method", () => {
    // @ts-expect-error the invite address takes PUT only
    meeting.api.POST(path, { params: { query: { conferenceID: "1", participantID: "p" }, header }, body: { share: 1 } });
    // @ts-expect-error the invite address takes PUT only
    meeting.api.GET(path, { params: { query: { conferenceID: "1", participantID: "p" }, header } });
  });

  it("types the token request's headers: X-Login-Type is 1", () => {
    meeting.api.GET("/v1/mmc/control/conferences/token", {
      params: { query: { conferenceID: "1" }, header: { "X-Password": "p", "X-Login-Type": 1 } },
    });
    meeting.api.GET("/v1/mmc/control/conferences/token", {
      // @ts-expect-error X-Login-Type is always 1
      params: { query: { conferenceID: "1" }, header: { "X-Password": "p", "X-Login-Type": 2 } },
    });
  });
});

describe("the facade", () => {
  it("resolves invite and cancel with nothing, realTimeInfo with the spec's type", () => {
    expectTypeOf(conf.inviteToShare("p")).toEqualTypeOf<Promise<void>>();
    expectTypeOf(conf.cancelShareInvitation("p")).toEqualTypeOf<Promise<void>>();
    expectTypeOf(conf.realTimeInfo()).resolves.toEqualTypeOf<RealTimeInfo>();
    expectTypeOf<NonNullable<RealTimeInfo["participants"]>[number]["pid"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf(conf.token()).toEqualTypeOf<Promise<string>>();
  });

  it("takes a participantID string only", () => {
    // @ts-expect-error participantID is required
    conf.inviteToShare();
    // @ts-expect-error participantID is a string
    conf.inviteToShare(42);
  });

  it("locks, unlocks and updates settings, resolving with nothing", () => {
    expectTypeOf(conf.lockSharing()).toEqualTypeOf<Promise<void>>();
    expectTypeOf(conf.unlockSharing({ timeoutMs: 1000 })).toEqualTypeOf<Promise<void>>();
    expectTypeOf(conf.updateSettings({ freeShare: 1, isLock: 0 })).toEqualTypeOf<Promise<void>>();
    expectTypeOf<MeetingSettings>().toEqualTypeOf<components["schemas"]["UpdateStartedConfigReqBody"]>();
    expectTypeOf<MeetingSettings["callInRestriction"]>().toEqualTypeOf<0 | 2 | 3 | undefined>();
  });

  it("takes only the spec's settings and values", () => {
    // @ts-expect-error lockSharing is 0 | 1
    conf.updateSettings({ lockSharing: 2 });
    // @ts-expect-error chatPermission is 1 | 2 | 3 | 4
    conf.updateSettings({ chatPermission: 0 });
    // @ts-expect-error no such setting
    conf.updateSettings({ lockShare: 1 });
    // @ts-expect-error values are numbers
    conf.updateSettings({ freeShare: "1" });
    // @ts-expect-error the settings are required
    conf.updateSettings();
  });

  it("takes { token } or { hostPassword }, never both or neither", () => {
    meeting.conference("1", { token: "t" });
    meeting.conference("1", { hostPassword: "p" });
    // @ts-expect-error not both
    meeting.conference("1", { token: "t", hostPassword: "p" });
    // @ts-expect-error one is required
    meeting.conference("1", {});
  });

  it("takes known regions only", () => {
    createMeetingClient({ region: "ap-southeast-1" });
    // @ts-expect-error unknown region
    createMeetingClient({ region: "eu-west-0" });
  });
});

describe("the generated methods", () => {
  it("hang off the participant handle, which takes a participantID string", () => {
    expectTypeOf(conf.participant("p")).toEqualTypeOf<ParticipantHandle>();
    expectTypeOf(conf.participant("p").mute()).toEqualTypeOf<Promise<void>>();
    expectTypeOf(conf.participant("p").unmute({ timeoutMs: 1000 })).toEqualTypeOf<Promise<void>>();
    expectTypeOf(conf.participant("p").inviteToShare()).toEqualTypeOf<Promise<void>>();
    // @ts-expect-error participantID is a string
    conf.participant(42);
    // @ts-expect-error mute takes no input: its body is fixed
    conf.participant("p").mute({ isMute: 0 });
  });

  it("take their remaining fields, typed from the spec's operations", () => {
    type MuteAll = NonNullable<Parameters<Conference["muteAll"]>[0]>;
    expectTypeOf<MuteAll["allowUnmuteByOneself"]>().toEqualTypeOf<operations["muteMeeting"]["requestBody"]["content"]["application/json"]["allowUnmuteByOneself"]>();
    expectTypeOf(conf.muteAll()).toEqualTypeOf<Promise<void>>();
    expectTypeOf(conf.muteAll({ allowUnmuteByOneself: 0 }, { maxRetries: 0 })).toEqualTypeOf<Promise<void>>();
    expectTypeOf(conf.prolong({ auto: 0, duration: 30 })).toEqualTypeOf<Promise<void>>();
    // @ts-expect-error allowUnmuteByOneself is 0 | 1
    conf.muteAll({ allowUnmuteByOneself: 2 });
    // @ts-expect-error isMute is fixed by the method, not an input
    conf.muteAll({ isMute: 0 });
    // @ts-expect-error auto is required
    conf.prolong({ duration: 30 });
    // @ts-expect-error duration is a number
    conf.prolong({ auto: 0, duration: "30" });
  });

  it("take their one argument directly, where the spec names one", () => {
    expectTypeOf(conf.hangUp(["p1", "p2"])).toEqualTypeOf<Promise<void>>();
    // @ts-expect-error the participants are a list
    conf.hangUp("p1");
    // @ts-expect-error the participants are required
    conf.hangUp();
    // @ts-expect-error a pid is a string
    conf.hangUp([1]);
  });

  it("resolve with the spec's answer where the operation has one", () => {
    expectTypeOf(conf.layouts()).resolves.toEqualTypeOf<operations["showLayout"]["responses"][200]["content"]["application/json"]>();
  });
});
