// The fake cannot drift from its specs: an answer or a frame it is about to produce that the
// spec forbids throws, instead of reaching a client.
import { describe, expect, it } from "vitest";
import { checkFrame, checkResponse, SpecDriftError } from "../../src/testing/request-rules.js";

describe("the fake's own answers are checked against openapi.yaml", () => {
  it("accepts what the spec allows", () => {
    expect(() => checkResponse("createWebSocketToken", 200, { webSocketToken: "FAKE-ws-1" })).not.toThrow();
    expect(() => checkResponse("updateStartedConfConfig", 200, undefined)).not.toThrow();
    expect(() => checkResponse("inviteShare", 503, "not JSON at all")).not.toThrow(); // a status the spec does not list
  });

  it.each([
    ["createConfToken", 200, { data: { token: 5 } }, /\/data\/token: must be string/],
    ["createConfToken", 200, { data: { token: "t", expireTime: 1.5 } }, /\/data\/expireTime: must be integer/],
    ["createConfToken", 200, { data: { token: "t", confTokenExpireTime: "1800" } }, /\/data\/confTokenExpireTime: must be integer/],
    ["showRealTimeInfoOfMeeting", 200, { participants: [{ pid: 1 }] }, /\/participants\/0\/pid: must be string/],
    ["inviteShare", 400, { error_code: 111070005, error_msg: "x" }, /\/error_code: must be string/],
    ["updateStartedConfConfig", 200, {}, /declares no body/],
  ] as const)("throws SpecDriftError for %s %i %j", (operationId, status, body, message) => {
    expect(() => checkResponse(operationId, status, body)).toThrow(SpecDriftError);
    expect(() => checkResponse(operationId, status, body)).toThrow(message);
  });
});

describe("the fake's own frames are checked against asyncapi.yaml", () => {
  it("accepts a push the spec allows, and throws for one it forbids", () => {
    const push = { action: "ParticipantsNotify", version: 1, createTime: 1, msgID: "m", msgMode: 1, confID: "1", data: [{ pid: "p", mode: 0, pinfoMap: { SHARE: "1" } }] };
    expect(() => checkFrame("ParticipantsNotify", push)).not.toThrow();
    expect(() => checkFrame("ParticipantsNotify", { ...push, data: [{ pid: "p", pinfoMap: { SHARE: 1 } }] })).toThrow(/pinfoMap\/SHARE: must be string/);
    expect(() => checkFrame("ParticipantsNotify", { ...push, version: 2 ** 64 })).toThrow(/version: must match format "int64"/);
    expect(() => checkFrame("ReplyFrame", { sequence: "s" })).toThrow(SpecDriftError);
  });
});
