// Redaction and the one error mapper, called directly: the exact copy each makes, the secret
// replaced in every form a server may echo it, and everything else kept as it was.
import { describe, expect, it } from "vitest";
import { apiError, channelRefusal, redirectError } from "../../src/api-error.js";
import { AuthenticationError, BadRequestError, InternalServerError, MeetingApiError, PermissionDeniedError } from "../../src/errors.js";
import { redactDeep, redactHeaders, redactResponseHeaders } from "../../src/redact.js";

const TOKEN = "SECRET-tok-3f9c1e77";

describe("redactDeep", () => {
  it("copies every JSON type as it is, keys in their order, replacing only the secret", () => {
    const body = { z: 1, a: [true, false, null, [], {}, 0, -2.5, ""], m: { [TOKEN]: `x${TOKEN}y`, n: null }, b: "" };
    const copy = redactDeep(body, [TOKEN]) as Record<string, unknown>;
    expect(copy).toEqual({ z: 1, a: [true, false, null, [], {}, 0, -2.5, ""], m: { "[redacted]": "x[redacted]y", n: null }, b: "" });
    expect(Object.keys(copy)).toEqual(["z", "a", "m", "b"]);
    expect(copy).not.toBe(body);
  });

  it("makes plain data: its fields can be changed and deleted", () => {
    const copy = redactDeep({ a: 1, list: [1] }, [TOKEN]) as { a?: number; list: number[] };
    copy.a = 2;
    copy.list[0] = 3;
    expect(copy).toEqual({ a: 2, list: [3] });
    delete copy.a;
    expect(copy).toEqual({ list: [3] });
  });

  it("a whole value equal to a short secret is replaced, text holding it is not; an empty secret replaces nothing", () => {
    expect(redactDeep({ a: "ab", b: "abc", c: "" }, ["ab", ""])).toEqual({ a: "[redacted]", b: "abc", c: "" });
  });

  it("a secret of 8 characters or more is replaced inside text, raw, whatever characters it holds", () => {
    expect(redactDeep(`<${"SECRET 8"}> <${"SECRET 7".slice(0, 7)}>`, ["SECRET 8", "SECRET "])).toBe("<[redacted]> <SECRET >");
    expect(redactDeep(`token=SECRET tok/+é=&?41;`, ["SECRET tok/+é=&?41"])).toBe("token=[redacted];");
  });

  it("a longer form is replaced before a shorter one inside it: a secret and its URL encoding", () => {
    // "SECRET-tok%" is the first 11 characters of its own URL encoding, "SECRET-tok%25".
    expect(redactDeep("a=SECRET-tok%25&b=SECRET-tok%", ["SECRET-tok%"])).toBe("a=[redacted]&b=[redacted]");
  });

  it("a secret beyond Latin-1 is redacted URL-encoded and in the base64 of its UTF-8", () => {
    const secret = "SECRET-令牌-3f9c";
    const echoed = [secret, encodeURIComponent(secret), Buffer.from(secret).toString("base64"), Buffer.from(secret).toString("base64url")];
    expect(redactDeep(echoed.join(" "), [secret])).toBe("[redacted] [redacted] [redacted] [redacted]");
  });

  it("base64 with its padding is replaced whole, and without it", () => {
    const secret = "SECRET-tok-3f9c1e77";
    const b64 = Buffer.from(secret).toString("base64");
    expect(b64).toMatch(/=$/);
    expect(redactDeep(`${b64}|${b64.replace(/=+$/, "")}|`, [secret])).toBe("[redacted]|[redacted]|");
  });
});

describe("headers", () => {
  it("redactHeaders shows every request header, the secret ones replaced", () => {
    const headers = new Headers({ "X-Conference-Authorization": TOKEN, "X-Password": "pw", "X-Nonce": "n", "Content-Type": "application/json", "X-Trace": "t1" });
    expect(redactHeaders(headers)).toEqual({
      "content-type": "application/json",
      "x-conference-authorization": "[redacted]",
      "x-nonce": "[redacted]",
      "x-password": "[redacted]",
      "x-trace": "t1",
    });
  });

  it("redactResponseHeaders replaces secrets in values, and leaves out a header whose name holds one", () => {
    const headers = new Headers({ "x-echo": `a ${TOKEN}`, [`x-${TOKEN}`]: "1", "x-request-id": "r1" });
    const copy = redactResponseHeaders(headers, [TOKEN]);
    expect([...copy]).toEqual([
      ["x-echo", "a [redacted]"],
      ["x-request-id", "r1"],
    ]);
  });
});

describe("apiError", () => {
  const answer = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, MeetingApiError],
    [499, MeetingApiError],
    [500, InternalServerError],
    [599, InternalServerError],
  ])("HTTP %i is a %o", (status, Class) => {
    const error = apiError("GET /x", answer(status), {}, []);
    expect(error.constructor).toBe(Class);
    expect(error.status).toBe(status);
  });

  it("a status past 599 is a plain MeetingApiError", () => {
    const response = { status: 600, headers: new Headers(), type: "default" } as Response;
    expect(apiError("GET /x", response, {}, []).constructor).toBe(MeetingApiError);
  });

  it("an empty body is no body; the status stands for the vendor's code", () => {
    const error = apiError("GET /x", answer(502, { "X-Request-Id": "r2" }), "", [TOKEN]);
    expect(error).toMatchObject({ status: 502, errorCode: "502", errorMsg: undefined, requestId: "r2", body: undefined });
    expect(error.message).toBe("GET /x: HTTP 502 [request r2]");
  });

  it("a text body is kept, redacted, with the detail in the message", () => {
    const error = apiError("GET /x", answer(400), `bad ${TOKEN}`, [TOKEN], "the answer is not JSON");
    expect(error).toMatchObject({ errorCode: "400", errorMsg: undefined, body: "bad [redacted]", requestId: undefined });
    expect(error.message).toBe("GET /x: HTTP 400 (the answer is not JSON)");
  });
});

describe("redirectError", () => {
  const sent = new Headers({ "X-Conference-Authorization": TOKEN });

  it("names the Location, the secret redacted", () => {
    const error = redirectError("PUT /v1/x", new Response(null, { status: 302, headers: { Location: `https://elsewhere.test/?t=${TOKEN}` } }), sent);
    expect(error.message).toBe('PUT /v1/x: HTTP 302 (redirect to "https://elsewhere.test/?t=[redacted]": not followed)');
  });

  it("says when there is no Location", () => {
    expect(redirectError("PUT /v1/x", new Response(null, { status: 307 }), sent).message).toBe("PUT /v1/x: HTTP 307 (redirect without Location: not followed)");
  });

  it("says when the browser hides it", () => {
    const opaque = { status: 0, type: "opaqueredirect", headers: new Headers() } as Response;
    expect(redirectError("PUT /v1/x", opaque, sent).message).toBe("PUT /v1/x: HTTP 0 (redirect hidden by the browser: not followed)");
  });
});

describe("channelRefusal", () => {
  it("is the AuthenticationError a REST call would be, with returnCode and returnDesc, the token redacted", () => {
    const error = channelRefusal({ returnCode: 80001, returnDesc: `token ${TOKEN} expired` }, [TOKEN]);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      status: 401,
      errorCode: "80001",
      errorMsg: "token [redacted] expired",
      requestId: undefined,
      body: { returnCode: 80001, returnDesc: "token [redacted] expired" },
    });
    expect(error.message).toBe("the event channel refused the meeting-control token (returnCode 80001: token [redacted] expired)");
    expect([...error.headers]).toEqual([]);
  });

  it("reads returnDesc spelt with a trailing space, and falls back to 401 without a returnCode", () => {
    const error = channelRefusal({ "returnDesc ": "refused" }, []);
    expect(error).toMatchObject({ errorCode: "401", errorMsg: "refused" });
    expect(error.message).toBe("the event channel refused the meeting-control token (returnCode 401: refused)");
  });

  it("a reply that is not an object: code 401, no message", () => {
    const error = channelRefusal("nope", []);
    expect(error).toMatchObject({ errorCode: "401", errorMsg: undefined, body: "nope" });
    expect(error.message).toBe("the event channel refused the meeting-control token (returnCode 401)");
  });
});
