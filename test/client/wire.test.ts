// Every facade method on the wire: called with the spec's example input, it sends exactly the
// request the spec describes — method, path, query, the token header, content type and body —
// on both transports. The cases come from openapi.yaml (test/support/wire-cases.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MeetingInputError } from "../../src/node.js";
import { operations } from "../../src/generated/operations.js";
import { startRecorder, type Recorder } from "../support/servers/recorder.js";
import { transports } from "../support/transports.js";
import { CONFERENCE, controlOperations, PARTICIPANT, wireCases } from "../support/wire-cases.js";

const TOKEN = "EXAMPLE-control-token-wire";
const cases = wireCases();

describe("the wire cases", () => {
  it("cover every operation of the table that backs a facade method, and every method", () => {
    const covered = new Set(cases.map((c) => c.operationId));
    const withMethods = Object.entries(operations).filter(([, operation]) => operation.facade.length > 0);
    expect(withMethods.length).toBeGreaterThan(5);
    for (const [operationId, operation] of withMethods) {
      expect(covered.has(operationId), operationId).toBe(true);
      for (const { method } of operation.facade)
        expect(
          cases.some((c) => c.method === method),
          method,
        ).toBe(true);
    }
  });

  it("leave out only the token operations, which the token lifecycle and the event channel use", () => {
    const without = Object.entries(operations)
      .filter(([, operation]) => operation.facade.length === 0)
      .map(([operationId]) => operationId)
      .sort();
    expect(without).toEqual(["createConfToken", "createWebSocketToken"]);
  });

  it("are made for every operation of the spec that takes the control token", () => {
    expect(
      controlOperations()
        .map((o) => o.operationId)
        .sort(),
    ).toEqual(Object.keys(operations).sort());
  });
});

describe.each(transports)("on the %s transport", (_transport, createMeetingClient) => {
  let server: Recorder;
  beforeAll(async () => {
    server = await startRecorder();
  });
  afterAll(() => server.close());

  it.each(cases.map((c) => [c.method, c] as const))("%s sends what the spec describes", async (_name, { method, args, expected }) => {
    server.requests.length = 0;
    const conf = createMeetingClient({ baseUrl: server.url }).conference(CONFERENCE, { token: TOKEN });
    const [handle, name] = method.split(".") as [string, string];
    const target = (handle === "participant" ? conf.participant(PARTICIPANT) : conf) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    await target[name]!(...args);

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    const url = new URL(request!.target, server.url);
    expect(request!.method).toBe(expected.method);
    expect(url.pathname).toBe(expected.path);
    expect([...url.searchParams]).toEqual(expected.query);
    expect(request!.headers["x-conference-authorization"]).toBe(TOKEN);
    if (expected.body === undefined) {
      expect(request!.body).toBe("");
      expect(request!.headers).not.toHaveProperty("content-type");
    } else {
      expect(request!.headers["content-type"]).toBe("application/json");
      expect(JSON.parse(request!.body)).toEqual(expected.body);
    }
    // No secret header besides the token, and none of the caller's making.
    expect(request!.headers).not.toHaveProperty("x-password");
    expect(request!.headers).not.toHaveProperty("x-nonce");
  });

  /** Each way to break a method's input, with the field the error must name. */
  const breakages = ({ args, inputName, argument }: (typeof cases)[number]): [string, unknown[], string][] => {
    if (argument) return [[`${argument} of the wrong kind`, [Symbol("wrong")], argument]];
    const input = args[0] as Record<string, unknown> | undefined;
    const broken: [string, unknown[], string][] = [["an input that is not an object", ["text"], inputName]];
    if (input === undefined) return [];
    broken.push(["an unknown field", [{ ...input, notAField: 1 }], inputName]);
    for (const field of Object.keys(input)) broken.push([`${field} of the wrong kind`, [{ ...input, [field]: Symbol("wrong") }], `${inputName}.${field}`]);
    return broken;
  };
  const refusals = cases.flatMap((c) => breakages(c).map(([what, args, field]) => [`${c.method}: ${what}`, c, args, field] as const));

  it("conf.participant() refuses a participantID that is not a non-empty string at once, sending nothing", () => {
    server.requests.length = 0;
    const conf = createMeetingClient({ baseUrl: server.url }).conference(CONFERENCE, { token: TOKEN });
    for (const bad of [42, "", undefined, "a\u0000b"]) expect(() => conf.participant(bad as never), String(bad)).toThrow(MeetingInputError);
    expect(server.requests).toHaveLength(0);
  });

  it("a method read off its handle stays bound to it", async () => {
    server.requests.length = 0;
    const conf = createMeetingClient({ baseUrl: server.url }).conference(CONFERENCE, { token: TOKEN });
    const { lockSharing } = conf;
    const { inviteToShare } = conf.participant("p9");
    await lockSharing();
    await inviteToShare();
    expect(server.requests.map((r) => r.target)).toEqual([
      `/v1/mmc/control/conferences/updateStartedConfConfig?conferenceID=${CONFERENCE}`,
      `/v1/mmc/control/conferences/participants/share/invite?conferenceID=${CONFERENCE}&participantID=p9`,
    ]);
  });

  it("input that JSON would change is refused, not sent changed: a hole in a list, a __proto__ key", async () => {
    server.requests.length = 0;
    const conf = createMeetingClient({ baseUrl: server.url }).conference(CONFERENCE, { token: TOKEN });
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    await expect(conf.hangUp([, "p2"] as string[])).rejects.toMatchObject({ name: "MeetingInputError", field: "bulkHangUpParticipants[0]" });
    await expect(conf.updateSettings(JSON.parse('{"__proto__":{"lockSharing":1}}'))).rejects.toMatchObject({ name: "MeetingInputError", field: "settings" });
    expect(server.requests).toHaveLength(0);
  });

  it("refusals are made for the methods that take input", () => {
    expect(refusals.length).toBeGreaterThan(3);
  });

  it.each(refusals)("%s is refused before anything is sent, naming the field", async (_name, { method }, args, field) => {
    server.requests.length = 0;
    const conf = createMeetingClient({ baseUrl: server.url }).conference(CONFERENCE, { token: TOKEN });
    const [handle, name] = method.split(".") as [string, string];
    const target = (handle === "participant" ? conf.participant(PARTICIPANT) : conf) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const error = await target[name]!(...args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeetingInputError);
    expect(error).toMatchObject({ field });
    expect(server.requests).toHaveLength(0);
  });
});
