// openapi.yaml describes exactly the 45 meeting-control operations the control token authorizes,
// as the vendor's official SDK does (test/fixtures/control-operations.tsv, from the reference
// list), and each carries the facade extensions the generator and the retry policy read.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../../scripts/prism.js";
import { resolve, spec } from "../support/openapi-doc.js";

interface Row {
  operationId: string;
  method: string;
  path: string;
  query: string[];
  headers: string[];
  body: string;
  response: string;
}

const list = (cell: string) => (cell === "—" ? [] : cell.split(","));
const rows: Row[] = readFileSync(join(root, "test", "support", "fixtures", "control-operations.tsv"), "utf8")
  .split("\n")
  .filter((line) => line !== "" && !line.startsWith("#"))
  .slice(1)
  .map((line) => {
    const [operationId, method, path, query, headers, body, response] = line.split("\t") as [string, string, string, string, string, string, string];
    return { operationId, method, path, query: list(query), headers: list(headers), body, response };
  });

// The spec's schema for an SDK model whose name it does not keep (the others keep theirs).
const SPEC_NAME: Record<string, string> = {
  InviteShareDto: "InviteShareDTO",
  CreateConfTokenResponse: "TokenInfo",
  CreateWebSocketTokenResponse: "WebSocketToken",
  ShowRealTimeInfoOfMeetingResponse: "RealTimeInfo",
  ShowLayoutResponse: "SavedLayouts",
};

const METHODS = ["get", "put", "post", "delete"];
const operations = Object.entries<any>(spec.paths).flatMap(([path, item]) =>
  Object.entries<any>(item)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, op]) => ({ path, method, op })),
);
const byId = new Map(operations.map((o) => [o.op.operationId as string, o]));
const refName = (node: any): string | undefined => node?.$ref?.split("/").pop();
const params = (op: any, where: string): string[] =>
  op.parameters
    .map(resolve)
    .filter((p: any) => p.in === where)
    .map((p: any) => p.name);
const bodySchema = (op: any) => resolve(op.requestBody?.content["application/json"].schema);

/** The facade methods of every operation, with what each leaves as input. */
const methods = operations.flatMap(({ op }) =>
  (op["x-facade"] ?? []).map((facade: any) => {
    const [handle, name] = facade.method.split(".");
    const queryParticipant = params(op, "query").includes("participantID");
    const body = bodySchema(op);
    const bodyFields = Object.keys(body?.properties ?? {});
    const handleField = handle === "participant" && !queryParticipant ? "participantID" : undefined;
    const input = [
      ...params(op, "query").filter((q) => q !== "conferenceID" && q !== "participantID"),
      ...(facade.only === true ? [] : bodyFields.filter((field) => !(field in (facade.fixed ?? {})) && field !== handleField)),
    ];
    return { op, facade, handle, name, input, body, queryParticipant, bodyFields };
  }),
);

describe("openapi.yaml's operations, against the official SDK's list", () => {
  it("the fixture lists 45 operations, each once", () => {
    expect(rows.length).toBe(45);
    expect(new Set(rows.map((r) => r.operationId)).size).toBe(45);
  });

  it("has every listed operation and no other", () => {
    expect([...byId.keys()].sort()).toEqual(rows.map((r) => r.operationId).sort());
    expect(operations.length).toBe(45);
  });

  it.each(rows)("$operationId has the SDK's method, path, query and header parameters", (row) => {
    const { path, method, op } = byId.get(row.operationId)!;
    expect([method, path]).toEqual([row.method.toLowerCase(), row.path]);
    expect(params(op, "query").sort()).toEqual([...row.query].sort());
    expect(params(op, "header").sort()).toEqual([...row.headers].sort());
    expect(op.parameters.map(resolve).filter((p: any) => p.in !== "query" && p.in !== "header")).toEqual([]);
  });

  it.each(rows)("$operationId has the SDK's request body and 200 answer", (row) => {
    const { op } = byId.get(row.operationId)!;
    if (row.body === "—") {
      expect(op.requestBody).toBeUndefined();
    } else {
      expect(op.requestBody.required).toBe(true);
      expect(refName(op.requestBody.content["application/json"].schema)).toBe(SPEC_NAME[row.body] ?? row.body);
    }
    const ok = resolve(op.responses["200"]);
    expect(ok.headers["X-Request-Id"]).toBeDefined();
    if (row.response === "(empty)") expect(ok.content).toBeUndefined();
    else expect(refName(ok.content["application/json"].schema)).toBe(SPEC_NAME[row.response] ?? row.response);
  });

  it("gives every operation the shared error answers, each with X-Request-Id", () => {
    for (const { op } of operations) {
      expect([op.operationId, Object.keys(op.responses)]).toEqual([op.operationId, ["200", "400", "401", "403", "500"]]);
      for (const status of ["400", "401", "403", "500"]) expect(resolve(op.responses[status]).headers["X-Request-Id"]).toBeDefined();
    }
  });

  it("takes participantID in the body of renameParticipant, a list in hangUp, uuID in deleteLayout's query", () => {
    expect(bodySchema(byId.get("renameParticipant")!.op).properties.participantID.type).toBe("string");
    expect(bodySchema(byId.get("hangUp")!.op).properties.bulkHangUpParticipants.type).toBe("array");
    expect(params(byId.get("deleteLayout")!.op, "query")).toContain("uuID");
  });
});

describe("openapi.yaml's facade extensions", () => {
  const tagNames = spec.tags.map((tag: any) => tag.name);
  const reserved = ["conferenceID", "inviteToShare", "cancelShareInvitation", "token", "events", "waitUntilSharing", "participant"];

  it("gives every operation exactly one declared tag, and every tag an operation", () => {
    for (const { op } of operations) expect([op.operationId, op.tags.length, tagNames.includes(op.tags[0])]).toEqual([op.operationId, 1, true]);
    expect(new Set(operations.map(({ op }) => op.tags[0]))).toEqual(new Set(tagNames));
  });

  it("gives every operation x-facade, x-idempotent and a one-line x-idempotent-reason", () => {
    for (const { op } of operations) {
      expect([op.operationId, Array.isArray(op["x-facade"]), typeof op["x-idempotent"]]).toEqual([op.operationId, true, "boolean"]);
      expect(op["x-idempotent-reason"]).toMatch(/^[^\n]{8,}$/);
    }
  });

  it("marks operations whose repeat acts twice as not idempotent", () => {
    for (const id of ["hangUp", "inviteParticipant", "deleteAttendees", "prolongMeeting"]) expect([id, byId.get(id)!.op["x-idempotent"]]).toEqual([id, false]);
    for (const id of ["muteParticipant", "inviteShare", "updateStartedConfConfig", "showRealTimeInfoOfMeeting"]) expect([id, byId.get(id)!.op["x-idempotent"]]).toEqual([id, true]);
  });

  it("names each method <participant|conference>.<name>, once per handle, with a one-line summary", () => {
    const seen = new Set<string>();
    for (const { facade, handle, name } of methods) {
      expect(handle).toMatch(/^(participant|conference)$/);
      expect(name).toMatch(/^[a-z][A-Za-z]+$/);
      expect(facade.summary).toMatch(/^[A-Z][^\n]+\.$/);
      expect(seen.has(facade.method), facade.method).toBe(false);
      seen.add(facade.method);
    }
    expect(seen.size).toBe(methods.length);
    expect(seen.size).toBeGreaterThan(60);
  });

  it("maps today's conference methods to their operations and takes no other conference member's name", () => {
    const backing = (method: string) => methods.find((m) => m.facade.method === method)?.op.operationId;
    expect(backing("participant.inviteToShare")).toBe("inviteShare");
    expect(backing("participant.cancelShareInvitation")).toBe("inviteShare");
    expect(backing("conference.realTimeInfo")).toBe("showRealTimeInfoOfMeeting");
    for (const method of ["conference.updateSettings", "conference.lockSharing", "conference.unlockSharing"]) expect(backing(method)).toBe("updateStartedConfConfig");
    for (const { handle, name } of methods) if (handle === "conference") expect(reserved).not.toContain(name);
    expect(byId.get("createConfToken")!.op["x-facade"]).toEqual([]);
    expect(byId.get("createWebSocketToken")!.op["x-facade"]).toEqual([]);
  });

  it("puts participant methods only on operations that take a participantID, in the query or the body", () => {
    for (const { facade, handle, queryParticipant, bodyFields } of methods) {
      if (handle === "participant") expect([facade.method, queryParticipant || bodyFields.includes("participantID")]).toEqual([facade.method, true]);
    }
  });

  it("fixes only body fields, to values their schema allows", () => {
    for (const { facade, body } of methods) {
      for (const [field, value] of Object.entries<any>(facade.fixed ?? {})) {
        const schema = resolve(body?.properties?.[field]);
        expect([facade.method, field, schema !== undefined]).toEqual([facade.method, field, true]);
        if (schema.enum) expect(schema.enum).toContain(value);
        else expect(typeof value).toBe(schema.type);
      }
    }
  });

  it("takes as argument the one remaining input field, and flattens every input without a clash", () => {
    for (const { facade, input } of methods) {
      expect([facade.method, new Set(input).size]).toEqual([facade.method, input.length]);
      if (facade.argument) expect([facade.method, input]).toEqual([facade.method, [facade.argument]]);
    }
  });
});

describe("openapi.yaml's links", () => {
  const pointer = (body: any, path: string) =>
    path
      .split("/")
      .slice(1)
      .reduce((node, key) => node?.[key], body);

  it("links createConfToken's token to X-Conference-Authorization of the operations it authorizes", () => {
    const ok = byId.get("createConfToken")!.op.responses["200"];
    const links = Object.values<any>(ok.links);
    expect(links.length).toBeGreaterThanOrEqual(5);
    expect(pointer(ok.content["application/json"].example, "/data/token")).toBe("EXAMPLE-control-token");
    for (const link of links) {
      expect(link.parameters["header.X-Conference-Authorization"]).toBe("$response.body#/data/token");
      expect(params(byId.get(link.operationId)!.op, "header")).toContain("X-Conference-Authorization");
    }
    for (const id of ["showRealTimeInfoOfMeeting", "inviteShare", "muteParticipant"]) expect(links.map((l) => l.operationId)).toContain(id);
  });

  it("links each participant's pid in showRealTimeInfoOfMeeting to participantID of participant operations", () => {
    const ok = byId.get("showRealTimeInfoOfMeeting")!.op.responses["200"];
    const links = Object.values<any>(ok.links);
    expect(links.length).toBeGreaterThanOrEqual(5);
    const example = ok.content["application/json"].example;
    for (const link of links) {
      const [, path] = link.parameters.participantID.split("#");
      expect(pointer(example, path)).toBe(example.participants[0].pid);
      expect(params(byId.get(link.operationId)!.op, "query")).toContain("participantID");
    }
  });
});
