// Property-based: whatever a server answers — any status from 100 to 999, any header names
// and values, deep, huge or broken bodies, secrets echoed raw, URL-encoded or in base64 — a
// call resolves or rejects with a MeetingError, on every transport, and no secret of 8
// characters or more shows in anything the error prints.
// A failure prints fast-check's seed and path; rerun with FC_SEED=<seed> to replay it.
import fc from "fast-check";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMeetingClient as onUndici, MeetingError, type MeetingClientOptions } from "../../src/node.js";
import { rawAnswer, startRawServer, type RawServer } from "../support/servers/raw.js";
import { transports } from "../support/transports.js";

const seed = Number(process.env.FC_SEED ?? 20261202);
const numRuns = 100;

const everyTransport = [
  ...transports,
  ["a caller's fetch", (options: MeetingClientOptions) => onUndici({ ...options, fetch: (url, init) => globalThis.fetch(url, init) })],
] as const;

/** How a server may echo a secret. */
const forms = (secret: string) => [secret, encodeURIComponent(secret), Buffer.from(secret, "utf8").toString("base64"), Buffer.from(secret, "latin1").toString("base64")];

// Secrets as a caller may pass them: header values, short and long.
const headerChar = fc.constantFrom(..."abcXYZ019-_.~!$%&'()*+,/:;=?@[]^`{|}\"\\ é\u00ff");
const secretArb = fc
  .oneof(fc.string({ unit: headerChar, minLength: 1, maxLength: 7 }), fc.string({ unit: headerChar, minLength: 8, maxLength: 40 }))
  .filter((s) => !/^ | $/.test(s) && !s.includes("[redacted]"));

/** A piece of text a server might send: plain, or the secret in one of its forms. */
const echoed = (secret: string) =>
  fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom(...forms(secret)).map((form) => `x${form}y`),
    fc.constantFrom(...forms(secret)),
  );

const headerName = (secret: string) =>
  fc.oneof(
    fc.constantFrom("x-request-id", "content-type", "retry-after", "x-echo", "set-cookie", "access-control-expose-headers", "content-length", "transfer-encoding"),
    fc.stringMatching(/^[a-z0-9!#$%&'*+.^_`|~-]{1,30}$/),
    fc.constantFrom(...forms(secret)).map((form) => `x-${form}`),
    fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 10 }),
  );

const body = (secret: string) =>
  fc.oneof(
    fc.json({ maxDepth: 4 }),
    echoed(secret).map((text) => JSON.stringify({ error_code: text, error_msg: text, [text]: [text, { nested: text }] })),
    echoed(secret),
    fc.constantFrom(secret).map((token) => JSON.stringify({ data: { token } })),
    fc.string({ unit: "binary", maxLength: 30 }).map((token) => JSON.stringify({ data: { token } })),
    fc.integer({ min: 1, max: 50_000 }).map((depth) => `${'{"a":['.repeat(depth)}"${secret}"${"]}".repeat(depth)}`),
    fc.integer({ min: 1, max: 100_000 }).map((size) => JSON.stringify({ ["k".repeat(size) + secret]: secret.repeat(3) })),
    fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.concat([Buffer.from('{"error_msg":"'), Buffer.from(bytes), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')])),
  );

const answer = (secret: string) =>
  fc.record({
    status: fc.oneof(fc.integer({ min: 100, max: 999 }), fc.constantFrom(200, 400, 401, 403, 429, 500, 503, 600, 999)),
    headers: fc.array(fc.tuple(headerName(secret), echoed(secret)), { maxLength: 5 }),
    body: body(secret),
  });

const scenario = secretArb.chain((secret) =>
  fc.record({
    secret: fc.constant(secret),
    auth: fc.constantFrom("token", "hostPassword"),
    call: fc.constantFrom("inviteToShare", "realTimeInfo", "token"),
    answer: answer(secret),
  }),
);

/** Everything a caller might print of an error: message, stack, cause chain, inspect, JSON. */
function outputs(error: unknown): string[] {
  const out = [inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error) ?? ""];
  for (let e: unknown = error; e instanceof Error; e = e.cause) out.push(e.message, e.stack ?? "", String(e));
  return out;
}

describe.each(everyTransport)("a hostile server, on the %s transport", (_transport, createMeetingClient) => {
  let server: RawServer;
  beforeAll(async () => {
    server = await startRawServer();
  });
  afterAll(() => server.close());

  it("every call resolves or rejects with a MeetingError, and no long secret shows in it", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ secret, auth, call, answer }) => {
        server.answer(rawAnswer(answer.status, answer.headers, answer.body));
        const meeting = createMeetingClient({ baseUrl: server.url, maxRetries: 0, timeoutMs: 5_000 });
        const conf = meeting.conference("986947855", auth === "token" ? { token: secret } : { hostPassword: secret });
        const outcome = await (call === "token" ? conf.token() : call === "realTimeInfo" ? conf.realTimeInfo() : conf.inviteToShare("p1")).then(
          () => undefined,
          (error: unknown) => ({ error }),
        );
        if (!outcome) return;
        expect(outcome.error).toBeInstanceOf(MeetingError);
        if (secret.length < 8) return;
        for (const text of outputs(outcome.error)) for (const form of forms(secret)) expect(text).not.toContain(form);
      }),
      { seed, numRuns },
    );
  }, 120_000);
});
