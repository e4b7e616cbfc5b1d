// Prism, as a validating proxy (`prism proxy openapi.yaml <fake> --errors`), in front of the
// fake's server mode: valid requests pass through it and the fake's answers, errors included,
// break nothing in openapi.yaml (Prism would answer its own error and log the violation).
import { afterAll, beforeAll, expect, it } from "vitest";
import { startPrism, type Prism } from "../../scripts/prism.js";
import { createMeetingFake, type FakeMeeting, type FakeServer } from "../../src/testing/index.js";
import { HOST_PASSWORD, PATHS, until } from "../support/fake-helpers.js";

let server: FakeServer;
let prism: Prism;
let meeting: FakeMeeting;
const log: string[] = [];

beforeAll(async () => {
  const fake = createMeetingFake();
  meeting = fake.addMeeting({ hostPassword: HOST_PASSWORD, conferenceID: "986947855" });
  meeting.join({ name: "Alice" });
  server = await fake.listen();
  prism = await startPrism({ proxy: server.url, log: (line) => log.push(line) });
}, 60_000);
afterAll(async () => {
  await prism?.stop();
  await server?.close();
});

async function call(method: string, path: string, query: Record<string, string>, headers: Record<string, string>, body?: unknown) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.headers = { ...headers, "Content-Type": "application/json" };
    init.body = JSON.stringify(body);
  }
  const response = await fetch(`${prism.url}${path}?${new URLSearchParams(query)}`, init);
  const text = await response.text();
  return { response, body: text === "" ? undefined : (JSON.parse(text) as Record<string, any>) };
}

it("passes a token request, its renewal without the password, and every control call through Prism with no violation", async () => {
  const conferenceID = meeting.conferenceID;
  const logged = log.length;
  const first = await call("GET", PATHS.token, { conferenceID }, { "X-Password": HOST_PASSWORD, "X-Login-Type": "1" });
  expect(first.response.status).toBe(200);
  const renewed = await call("GET", PATHS.token, { conferenceID }, { "X-Conference-Authorization": first.body!.data.token, "X-Login-Type": "1" });
  expect(renewed.response.status).toBe(200);
  const token = { "X-Conference-Authorization": renewed.body!.data.token as string };

  const info = await call("GET", PATHS.realTimeInfo, { conferenceID }, token);
  expect(info.response.status).toBe(200);
  const pid = info.body!.participants[0].pid as string;
  const answers = [
    info,
    await call("PUT", PATHS.invite, { conferenceID, participantID: pid }, token, { share: 1 }),
    await call("PUT", PATHS.settings, { conferenceID }, token, { isLock: 1 }),
    await call("GET", PATHS.wsToken, { conferenceID }, token),
    // Errors as the fake gives them, through the spec's error responses.
    await call("GET", PATHS.token, { conferenceID }, { "X-Password": "FAKE-wrong-password", "X-Login-Type": "1" }),
    await call("GET", PATHS.realTimeInfo, { conferenceID: "111111111" }, token),
  ];
  expect(answers.map(({ response }) => response.status)).toEqual([200, 200, 200, 200, 401, 400]);
  for (const { response } of [first, renewed, ...answers]) {
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
  }
  // Prism's log reaches this process a little after its answers.
  await until(() => log.slice(logged).filter((line) => line.includes("Received forward response")).length === 8);
  expect(log.slice(logged).filter((line) => /violation|error/i.test(line))).toEqual([]);
}, 30_000);

it("is a proxy that validates: a request that breaks the spec is stopped with 422 and logged", async () => {
  const logged = log.length;
  const { response, body } = await call("GET", PATHS.token, { conferenceID: meeting.conferenceID }, { "X-Password": HOST_PASSWORD, "X-Login-Type": "2" });
  expect(response.status).toBe(422);
  expect(JSON.stringify(body)).toContain("x-login-type");
  // Prism's log reaches this process a little after its answer.
  await until(() => log.slice(logged).some((line) => /error/i.test(line)));
}, 30_000);
