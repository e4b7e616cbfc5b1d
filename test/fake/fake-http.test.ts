// The fake's server mode answers as an HTTP server must, byte for byte over a raw socket:
// request targets in every form, Host checked without echoing it, 405 with `Allow`, 415 for a
// body that is not `application/json`, header numbers only in their own spelling, renewal
// without the password, and every answer JSON with an `X-Request-Id`.
import { connect } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handlers } from "../../src/testing/handlers.js";
import { createMeetingFake, type FakeMeeting, type FakeServer, type MeetingFake } from "../../src/testing/index.js";
import { HOST_PASSWORD, PATHS } from "../support/fake-helpers.js";
import { spec } from "../support/openapi-doc.js";

interface RawAnswer {
  status: number;
  headers: Map<string, string[]>;
  body: string;
  /** Everything the server sent, head and body. */
  text: string;
}

let fake: FakeMeeting;
let meetingFake: MeetingFake;
let server: FakeServer;
let port: number;

beforeEach(async () => {
  meetingFake = createMeetingFake();
  fake = meetingFake.addMeeting({ hostPassword: HOST_PASSWORD, conferenceID: CONFERENCE });
  server = await meetingFake.listen();
  port = Number(new URL(server.url).port);
});
afterEach(() => server.close());

/** Sends `request` as it is, reads until the server closes, and parses the one answer. */
function raw(request: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    // The server may close while a large body is still being sent: its answer is what counts.
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      const split = text.indexOf("\r\n\r\n");
      if (split < 0) {
        reject(new Error(`no answer head in ${JSON.stringify(text)}`));
        return;
      }
      const [statusLine, ...lines] = text.slice(0, split).split("\r\n");
      const headers = new Map<string, string[]>();
      for (const line of lines) {
        const at = line.indexOf(":");
        const name = line.slice(0, at).trim().toLowerCase();
        headers.set(name, [...(headers.get(name) ?? []), line.slice(at + 1).trim()]);
      }
      let body = text.slice(split + 4);
      if (headers.get("transfer-encoding")?.[0] === "chunked") body = unchunk(body);
      resolve({ status: Number(statusLine!.split(" ")[1]), headers, body, text });
    });
    socket.end(request);
  });
}

function unchunk(body: string): string {
  let out = "";
  let rest = body;
  for (;;) {
    const line = rest.indexOf("\r\n");
    const size = Number.parseInt(rest.slice(0, line), 16);
    if (!size) return out;
    out += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 2 + size + 2);
  }
}

/** An HTTP/1.1 request with `Connection: close`, so the answer ends with the connection. */
function request(line: string, headers: Record<string, string> = {}, body = ""): string {
  const all: Record<string, string> = { Host: `127.0.0.1:${port}`, Connection: "close", ...headers };
  if (body !== "" && all["Content-Length"] === undefined) all["Content-Length"] = String(Buffer.byteLength(body));
  return `${line}\r\n${Object.entries(all)
    .map(([name, value]) => `${name}: ${value}`)
    .join("\r\n")}\r\n\r\n${body}`;
}

const header = (answer: RawAnswer, name: string) => answer.headers.get(name)?.join(", ");

/** Asserts what every answer has: `application/json`, one `X-Request-Id`, a JSON body; returns the body. */
function json(answer: RawAnswer): Record<string, any> {
  expect(header(answer, "content-type")).toMatch(/^application\/json(;|$)/);
  expect(answer.headers.get("x-request-id")).toHaveLength(1);
  expect(header(answer, "x-request-id")).toMatch(/^[0-9a-f]{32}$/);
  return JSON.parse(answer.body) as Record<string, any>;
}

const CONFERENCE = "986947855";
const tokenTarget = () => `${PATHS.token}?conferenceID=${CONFERENCE}`;
const hostHeaders = (extra: Record<string, string> = {}) => ({ "X-Password": HOST_PASSWORD, "X-Login-Type": "1", ...extra });

async function token(): Promise<string> {
  const answer = await raw(request(`GET ${tokenTarget()} HTTP/1.1`, hostHeaders()));
  expect(answer.status).toBe(200);
  return json(answer).data.token as string;
}

describe("request targets and Host", () => {
  it("answers TRACE with 405, the path's methods in Allow, and a JSON error", async () => {
    const answer = await raw(request(`TRACE ${tokenTarget()} HTTP/1.1`, { "X-Password": "FAKE-secret-in-trace" }));
    expect(answer.status).toBe(405);
    expect(header(answer, "allow")).toBe("GET");
    expect(json(answer)).toEqual({ error_code: "FAKE.405000", error_msg: "no operation of openapi.yaml with this method at this path" });
    expect(answer.text).not.toContain("FAKE-secret-in-trace");
  });

  it("accepts an absolute-form request target (RFC 9112 §3.2.2) and answers the operation", async () => {
    const answer = await raw(request(`GET http://127.0.0.1:${port}${tokenTarget()} HTTP/1.1`, hostHeaders()));
    expect(answer.status).toBe(200);
    expect(json(answer).data.wsURL).toBe(`ws://127.0.0.1:${port}`);
  });

  it("answers OPTIONS * with 200, every method the spec has in Allow, and JSON", async () => {
    const answer = await raw(request("OPTIONS * HTTP/1.1"));
    expect(answer.status).toBe(200);
    const methods = new Set(Object.values(spec.paths as Record<string, object>).flatMap((item) => Object.keys(item).map((m) => m.toUpperCase())));
    expect(header(answer, "allow")?.split(", ").sort()).toEqual([...methods].sort());
    expect(json(answer)).toEqual({});
  });

  it("refuses the asterisk form for any method but OPTIONS with 400", async () => {
    const answer = await raw(request("GET * HTTP/1.1"));
    expect(answer.status).toBe(400);
    expect(json(answer).error_code).toBe("FAKE.400001");
  });

  it.each([
    ["a Host with user info", () => request(`GET ${tokenTarget()} HTTP/1.1`, { ...hostHeaders(), Host: "FAKE-user:FAKE-hostpass@127.0.0.1:1" })],
    ["an absolute-form target with user info", () => request(`GET http://FAKE-user:FAKE-hostpass@127.0.0.1:1${tokenTarget()} HTTP/1.1`, hostHeaders())],
    ["two Host fields", () => `GET ${PATHS.token} HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: FAKE-user:FAKE-hostpass@x\r\nConnection: close\r\n\r\n`],
    ["no Host in HTTP/1.1", () => `GET ${PATHS.token} HTTP/1.1\r\nX-Note: FAKE-user:FAKE-hostpass\r\nConnection: close\r\n\r\n`],
    ["a target in no form", () => request("GET FAKE-user:FAKE-hostpass@x HTTP/1.1")],
  ])("refuses %s with 400 JSON that echoes none of it", async (_, bytes) => {
    const answer = await raw(bytes());
    expect(answer.status).toBe(400);
    expect(json(answer)).toEqual({ error_code: "FAKE.400001", error_msg: "malformed HTTP request" });
    expect(answer.text).not.toMatch(/FAKE-user|FAKE-hostpass/);
  });

  it("answers a request line Node cannot parse with 400 JSON", async () => {
    const answer = await raw("FAKE-user:FAKE-hostpass GARBAGE\r\n\r\n");
    expect(answer.status).toBe(400);
    expect(json(answer).error_code).toBe("FAKE.400001");
    expect(answer.text).not.toContain("FAKE-hostpass");
  });

  it("answers CONNECT with 405 JSON: the fake is no proxy", async () => {
    const answer = await raw(`CONNECT 127.0.0.1:${port} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(answer.status).toBe(405);
    expect(header(answer, "allow")).toBeDefined();
    expect(json(answer).error_code).toBe("FAKE.405000");
  });
});

describe("405 and Allow", () => {
  const specPaths = Object.entries(spec.paths as Record<string, Record<string, unknown>>).map(([path, item]) => [
    path,
    Object.keys(item)
      .filter((key) => ["get", "put", "post", "delete", "patch"].includes(key))
      .map((method) => method.toUpperCase())
      .sort(),
  ]) as [string, string[]][];

  it.each(specPaths)("answers a method %s does not have with 405 and Allow: %j", async (path, methods) => {
    const other = ["DELETE", "PATCH", "POST", "PUT", "GET"].find((method) => !methods.includes(method))!;
    const answer = await raw(request(`${other} ${path} HTTP/1.1`));
    expect(answer.status).toBe(405);
    expect(header(answer, "allow")?.split(", ").sort()).toEqual(methods);
    expect(json(answer).error_code).toBe("FAKE.405000");
  });

  it("answers a plain OPTIONS on a path (no preflight) with 405 and Allow", async () => {
    const answer = await raw(request(`OPTIONS ${PATHS.invite} HTTP/1.1`));
    expect(answer.status).toBe(405);
    expect(header(answer, "allow")).toBe("PUT");
  });
});

describe("content types", () => {
  const invite = (contentType: string | undefined, control: string, body = '{"share":1}') => {
    const pid = fake.join({ name: "Alice" }).pid;
    const headers: Record<string, string> = { "X-Conference-Authorization": control };
    if (contentType !== undefined) headers["Content-Type"] = contentType;
    return raw(request(`PUT ${PATHS.invite}?conferenceID=${CONFERENCE}&participantID=${pid} HTTP/1.1`, headers, body));
  };

  it.each(["application/json-seq", "application/json-patch+json", "application/merge-patch+json", "text/plain", "application/x-www-form-urlencoded", undefined])(
    "refuses a JSON body sent as %s with 415 and a JSON error",
    async (contentType) => {
      const answer = await invite(contentType, await token());
      expect(answer.status).toBe(415);
      expect(json(answer)).toEqual({ error_code: "FAKE.415000", error_msg: "request body must be application/json" });
      expect(fake.participants[0]!.invited).toBe(false);
    },
  );

  it.each(["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"])("takes a body sent as %s", async (contentType) => {
    const answer = await invite(contentType, await token());
    expect(answer.status).toBe(200);
    expect(fake.participants[0]!.invited).toBe(true);
  });

  it("answers a body over 1 MiB with 413 JSON, unread", async () => {
    const answer = await raw(
      request(`PUT ${PATHS.invite}?conferenceID=${CONFERENCE}&participantID=x HTTP/1.1`, { "Content-Type": "application/json", "Content-Length": String(2 * 1024 * 1024) }),
    );
    expect(answer.status).toBe(413);
    expect(json(answer).error_code).toBe("FAKE.413000");
  });

  it("answers a chunked body that grows past 1 MiB with 413 JSON, and keeps none of it", async () => {
    const piece = "x".repeat(64 * 1024);
    const chunks = Array.from({ length: 24 }, () => `${piece.length.toString(16)}\r\n${piece}\r\n`).join("");
    const head = request(`PUT ${PATHS.invite}?conferenceID=${CONFERENCE}&participantID=x HTTP/1.1`, { "Content-Type": "application/json", "Transfer-Encoding": "chunked" });
    const answer = await raw(`${head}${chunks}0\r\n\r\n`);
    expect(answer.status).toBe(413);
    expect(json(answer).error_code).toBe("FAKE.413000");
    expect(meetingFake.journal.at(-1)).toMatchObject({ operationId: null, status: 413 });
  });
});

describe("X-Login-Type must be the text 1", () => {
  it.each(["01", "1.0", "1e0", "+1", "0x1", "2", "one", "1, 1"])("refuses X-Login-Type: %s with 400 naming the header", async (value) => {
    const answer = await raw(request(`GET ${tokenTarget()} HTTP/1.1`, hostHeaders({ "X-Login-Type": value })));
    expect(answer.status).toBe(400);
    const body = json(answer);
    expect(body.error_code).toBe("FAKE.400000");
    expect(body.error_msg).toContain("/header/X-Login-Type");
  });

  it("takes X-Login-Type: 1", async () => {
    expect(await token()).toMatch(/^FAKE-token-/);
  });
});

describe("renewal, as the vendor's page says: a still-valid token renews without the password", () => {
  const renew = (headers: Record<string, string>) => raw(request(`GET ${tokenTarget()} HTTP/1.1`, { "X-Login-Type": "1", ...headers }));

  it("renews a still-valid token sent without X-Password", async () => {
    const current = await token();
    const answer = await renew({ "X-Conference-Authorization": current });
    expect(answer.status).toBe(200);
    expect(json(answer).data.token).not.toBe(current);
  });

  it("renews a still-valid token without checking a wrong password", async () => {
    const answer = await renew({ "X-Conference-Authorization": await token(), "X-Password": "FAKE-wrong-password" });
    expect(answer.status).toBe(200);
  });

  it("refuses an expired token sent without X-Password with 401 USER_TOKEN_AUTH_FAILED: the token is what failed", async () => {
    const current = await token();
    meetingFake.advanceTime(31 * 60_000);
    const answer = await renew({ "X-Conference-Authorization": current });
    expect(answer.status).toBe(401);
    expect(json(answer)).toEqual({ error_code: "MMC.118000001", error_msg: "USER_TOKEN_AUTH_FAILED" });
  });

  it("replaces an expired token when the password is sent with it", async () => {
    const current = await token();
    meetingFake.advanceTime(31 * 60_000);
    const answer = await renew({ "X-Conference-Authorization": current, "X-Password": HOST_PASSWORD });
    expect(answer.status).toBe(200);
  });

  it("refuses a request with neither token nor password with 401 naming the missing password", async () => {
    const answer = await renew({});
    expect(answer.status).toBe(401);
    expect(json(answer).error_code).toBe("FAKE.401002");
    expect(meetingFake.journal.at(-1)).toMatchObject({ operationId: "createConfToken", status: 401, violations: [] });
  });
});

describe("every answer is JSON with an X-Request-Id", () => {
  it.each([
    ["404 for a path the spec lacks", () => request("GET /v1/nowhere HTTP/1.1"), 404],
    ["400 for a request that breaks the spec", () => request(`GET ${PATHS.token} HTTP/1.1`, hostHeaders()), 400],
    ["401 for a missing token", () => request(`GET ${PATHS.realTimeInfo}?conferenceID=${CONFERENCE} HTTP/1.1`), 401],
    ["431 for header fields too large", () => request("GET / HTTP/1.1", { "X-Big": "x".repeat(20_000) }), 431],
    [
      "401 for a refused WebSocket upgrade",
      () =>
        request("GET /cms/open/websocket/confctl/increment/conn?confID=1&tmpToken=FAKE-no HTTP/1.1", {
          Upgrade: "websocket",
          Connection: "Upgrade",
          "Sec-WebSocket-Version": "13",
          "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        }),
      401,
    ],
  ])("%s", async (_, bytes, status) => {
    const answer = await raw(bytes());
    expect(answer.status).toBe(status);
    expect(json(answer).error_code).toMatch(/^(FAKE|MMC)\./);
  });

  it("answers an internal failure with 500 JSON that echoes neither the error nor the request", async () => {
    const original = handlers.createWebSocketToken;
    handlers.createWebSocketToken = (call) => {
      throw new TypeError(`broken on ${String(call.headers["X-Conference-Authorization"])}`);
    };
    try {
      const control = await token();
      const answer = await raw(request(`GET ${PATHS.wsToken}?conferenceID=${CONFERENCE} HTTP/1.1`, { "X-Conference-Authorization": control }));
      expect(answer.status).toBe(500);
      expect(json(answer)).toEqual({ error_code: "FAKE.500000", error_msg: "the fake failed" });
      expect(answer.text).not.toContain(control);
      expect(answer.text).not.toContain("TypeError");
    } finally {
      handlers.createWebSocketToken = original;
    }
  });
});
