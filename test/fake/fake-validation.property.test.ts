// Property: any request the generated types allow passes the fake's validation, and any
// single-field mutation that openapi.yaml forbids is refused with that field, and only that
// field, named as a JSON pointer.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { components, operations } from "../../src/generated/schema.js";
import { createMeetingFake } from "../../src/testing/index.js";
import { PATHS } from "../support/fake-helpers.js";

type Query<K extends keyof operations> = operations[K]["parameters"]["query"];
type Header<K extends keyof operations> = NonNullable<operations[K]["parameters"]["header"]>;

/** A request as the types describe it: query, headers (as their typed values) and body. */
interface Typed {
  path: string;
  method: "GET" | "PUT";
  query: Record<string, string>;
  header: Record<string, string | number>;
  body?: unknown;
}

// Strings a header can carry (visible ASCII); query strings can be anything non-empty.
const headerText = fc.stringMatching(/^[!-~]([ -~]*[!-~])?$/);
const queryText = fc.string({ minLength: 1, unit: "binary" });
const bit = fc.constantFrom(0 as const, 1 as const);

const settings: fc.Arbitrary<components["schemas"]["UpdateStartedConfigReqBody"]> = fc
  .record(
    {
      lockSharing: bit,
      freeShare: bit,
      isLock: bit,
      callInRestriction: fc.constantFrom(0 as const, 2 as const, 3 as const),
      audienceCallInRestriction: fc.constantFrom(0 as const, 2 as const),
      allowUnmuteByOneself: bit,
      chatPermission: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
      allowOpenCamera: bit,
      allowRename: bit,
      clientRecMode: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    },
    { requiredKeys: [] },
  )
  .filter((body) => Object.keys(body).length > 0);

const controlHeader = fc.record({ "X-Conference-Authorization": headerText }) satisfies fc.Arbitrary<Header<"inviteShare">>;
const conference = fc.record({ conferenceID: queryText }) satisfies fc.Arbitrary<Query<"showRealTimeInfoOfMeeting">>;

/** The operations the fake plays today; the others of openapi.yaml it refuses as unknown. */
type FakeOperation = "createConfToken" | "showRealTimeInfoOfMeeting" | "createWebSocketToken" | "inviteShare" | "updateStartedConfConfig";

const requests: Record<FakeOperation, fc.Arbitrary<Typed>> = {
  createConfToken: fc
    .tuple(
      conference,
      fc.record(
        { "X-Password": headerText, "X-Login-Type": fc.constant(1 as const), "X-Conference-Authorization": headerText, "X-Nonce": headerText },
        // X-Password may be left out: a renewal with a still-valid token needs none.
        { requiredKeys: ["X-Login-Type"] },
      ) satisfies fc.Arbitrary<Header<"createConfToken">>,
    )
    .map(([query, header]) => ({ path: PATHS.token, method: "GET", query, header })),
  showRealTimeInfoOfMeeting: fc.tuple(conference, controlHeader).map(([query, header]) => ({ path: PATHS.realTimeInfo, method: "GET", query, header })),
  createWebSocketToken: fc.tuple(conference, controlHeader).map(([query, header]) => ({ path: PATHS.wsToken, method: "GET", query, header })),
  inviteShare: fc
    .tuple(
      fc.record({ conferenceID: queryText, participantID: queryText }) satisfies fc.Arbitrary<Query<"inviteShare">>,
      controlHeader,
      fc.record({ share: bit }) satisfies fc.Arbitrary<components["schemas"]["InviteShareDTO"]>,
    )
    .map(([query, header, body]) => ({ path: PATHS.invite, method: "PUT", query, header, body })),
  updateStartedConfConfig: fc.tuple(conference, controlHeader, settings).map(([query, header, body]) => ({ path: PATHS.settings, method: "PUT", query, header, body })),
};

/** A value of the wrong kind, or outside the allowed ones, for each field: a mutation the spec forbids. */
const notAnInteger = fc.oneof(fc.string(), fc.constant(null), fc.boolean(), fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }), fc.constant([1]));
const outside = (allowed: number[]) =>
  fc.oneof(
    fc.integer().filter((n) => !allowed.includes(n)),
    notAnInteger,
  );

interface Mutation {
  pointer: string;
  apply(request: Typed): Typed;
}

const set =
  (where: "query" | "header", name: string, value: string | undefined) =>
  (request: Typed): Typed => {
    const copy = { ...request[where] };
    if (value === undefined) delete copy[name];
    else copy[name] = value;
    return { ...request, [where]: copy };
  };
const setBody =
  (name: string, value: unknown) =>
  (request: Typed): Typed => ({ ...request, body: { ...(request.body as object), [name]: value } });

function mutations(request: Typed): fc.Arbitrary<Mutation>[] {
  const found: fc.Arbitrary<Mutation>[] = [];
  for (const name of Object.keys(request.query)) {
    found.push(fc.constant({ pointer: `/query/${name}`, apply: set("query", name, undefined) }));
    found.push(fc.constant({ pointer: `/query/${name}`, apply: set("query", name, "") }));
  }
  for (const name of Object.keys(request.header)) {
    if (name !== "X-Nonce" && !((name === "X-Conference-Authorization" || name === "X-Password") && request.path === PATHS.token)) {
      found.push(fc.constant({ pointer: `/header/${name}`, apply: set("header", name, undefined) }));
    }
    if (name === "X-Login-Type") {
      found.push(
        fc
          .oneof(
            fc
              .integer()
              .filter((n) => n !== 1)
              .map(String),
            // Any other spelling of one ("01", "1.0", "+1") breaks `const: 1` too: headers are read as text.
            headerText.filter((text) => text !== "1"),
          )
          .map((value) => ({ pointer: "/header/X-Login-Type", apply: set("header", name, value) })),
      );
    } else {
      found.push(fc.constant({ pointer: `/header/${name}`, apply: set("header", name, "") }));
    }
  }
  if (request.path === PATHS.invite) {
    found.push(outside([0, 1]).map((value) => ({ pointer: "/body/share", apply: setBody("share", value) })));
    found.push(fc.constant({ pointer: "/body/share", apply: (r: Typed) => ({ ...r, body: {} }) }));
  }
  if (request.path === PATHS.settings) {
    const enums: Record<string, number[]> = {
      lockSharing: [0, 1],
      freeShare: [0, 1],
      isLock: [0, 1],
      callInRestriction: [0, 2, 3],
      audienceCallInRestriction: [0, 2],
      allowUnmuteByOneself: [0, 1],
      chatPermission: [1, 2, 3, 4],
      allowOpenCamera: [0, 1],
      allowRename: [0, 1],
    };
    for (const [name, allowed] of Object.entries(enums)) found.push(outside(allowed).map((value) => ({ pointer: `/body/${name}`, apply: setBody(name, value) })));
    found.push(
      fc
        .oneof(fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -(2 ** 31) - 1 }), notAnInteger)
        .map((value) => ({ pointer: "/body/clientRecMode", apply: setBody("clientRecMode", value) })),
    );
    found.push(fc.constant({ pointer: "/body", apply: (r: Typed) => ({ ...r, body: {} }) }));
  }
  if (request.body !== undefined) {
    found.push(fc.constant({ pointer: "/body/unknownField", apply: setBody("unknownField", 1) }));
  }
  return found;
}

async function send(fake: ReturnType<typeof createMeetingFake>, request: Typed) {
  const headers = new Headers(Object.entries(request.header).map(([name, value]): [string, string] => [name, String(value)]));
  if (request.body !== undefined) headers.set("content-type", "application/json");
  const response = await fake.fetch(`${fake.baseUrl}${request.path}?${new URLSearchParams(request.query)}`, {
    method: request.method,
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
  const body = (await response.json().catch(() => undefined)) as { error_code?: string } | undefined;
  return { status: response.status, body, violations: fake.journal.at(-1)!.violations };
}

describe.each(Object.keys(requests) as FakeOperation[])("%s", (operationId) => {
  it("accepts any request the generated types allow", async () => {
    const fake = createMeetingFake();
    await fc.assert(
      fc.asyncProperty(requests[operationId], async (request) => {
        const { violations, body } = await send(fake, request);
        expect(violations).toEqual([]);
        expect(body?.error_code).not.toBe("FAKE.400000");
        expect(fake.journal.at(-1)!.operationId).toBe(operationId);
      }),
      { numRuns: 60 },
    );
  });

  it("refuses any single-field mutation the spec forbids, naming that field", async () => {
    const fake = createMeetingFake();
    const mutated = requests[operationId].chain((request) => fc.oneof(...mutations(request)).map((mutation) => ({ request, mutation })));
    await fc.assert(
      fc.asyncProperty(mutated, async ({ request, mutation }) => {
        const { status, violations } = await send(fake, mutation.apply(request));
        expect(violations.length).toBeGreaterThan(0);
        // An unknown property's name holding a secret sent with the request is redacted in the journal.
        const secretInName = mutation.pointer === "/body/unknownField" && Object.values(request.header).some((value) => "unknownField".includes(String(value)));
        for (const violation of violations) expect(violation.split(": ")[0]).toBe(secretInName ? "/body/[redacted]" : mutation.pointer);
        // A missing credential is refused as the gateway does (401); anything else is a 400.
        expect(status).toBe(mutation.pointer === "/header/X-Conference-Authorization" && !violations.some((v) => v.includes("fewer")) ? 401 : 400);
      }),
      { numRuns: 120 },
    );
  });
});
