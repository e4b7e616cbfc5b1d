// The fake's server mode answers CORS, so a page on another origin can call it (test/package/consumer.test.ts
// runs Chromium against it; here, the exact headers).
import { afterEach, beforeEach, expect, it } from "vitest";
import { createMeetingFake, type FakeServer, type MeetingFake } from "../../src/testing/index.js";
import { spec } from "../support/openapi-doc.js";

const ORIGIN = "http://127.0.0.1:5173";
const INVITE = "/v1/mmc/control/conferences/participants/share/invite";
let fake: MeetingFake;
let server: FakeServer;

beforeEach(async () => {
  fake = createMeetingFake();
  server = await fake.listen();
});
afterEach(() => server.close());

it("answers a preflight with the spec's methods and the headers the client sends, and leaves it out of the journal", async () => {
  const response = await fetch(server.url + INVITE, {
    method: "OPTIONS",
    headers: { Origin: ORIGIN, "Access-Control-Request-Method": "PUT", "Access-Control-Request-Headers": "content-type,x-conference-authorization" },
  });
  expect(response.status).toBe(204);
  expect(await response.text()).toBe("");
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  const methods = new Set(Object.values(spec.paths as Record<string, object>).flatMap((item) => Object.keys(item).map((method) => method.toUpperCase())));
  expect(response.headers.get("access-control-allow-methods")?.split(", ").sort()).toEqual([...methods].sort());
  expect(response.headers.get("access-control-allow-headers")?.split(", ").sort()).toEqual(["Content-Type", "X-Conference-Authorization", "X-Login-Type", "X-Nonce", "X-Password"]);
  expect(response.headers.get("access-control-max-age")).toBe("600");
  expect(fake.journal).toEqual([]);
});

it("lets a page read every answer, errors included, with its X-Request-Id and Retry-After", async () => {
  const meeting = fake.addMeeting({ hostPassword: "FAKE-host-password" });
  fake.failNext("showRealTimeInfoOfMeeting", { status: 503, retryAfter: 1 });
  const response = await fetch(`${server.url}/v1/mmc/control/conferences/realTimeInfo?conferenceID=${meeting.conferenceID}`, {
    headers: { Origin: ORIGIN, "X-Conference-Authorization": "FAKE-not-a-token" },
  });
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("1");
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  expect(response.headers.get("access-control-expose-headers")).toBe("X-Request-Id, Retry-After");
  const refused = await fetch(`${server.url}/v1/mmc/control/conferences/realTimeInfo?conferenceID=${meeting.conferenceID}`, { headers: { Origin: ORIGIN } });
  expect(refused.status).toBe(401);
  expect(refused.headers.get("access-control-allow-origin")).toBe("*");
});

it("treats an OPTIONS that is no preflight as an API request: refused, and journaled", async () => {
  const response = await fetch(server.url + INVITE, { method: "OPTIONS", headers: { Origin: ORIGIN } });
  expect(response.status).toBe(405);
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  expect(fake.journal.map(({ method, status }) => `${method} ${status}`)).toEqual(["OPTIONS 405"]);
});
