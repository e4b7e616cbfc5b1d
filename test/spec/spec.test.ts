// openapi.yaml agrees with the vendor's page for the seed operation, and the facade with the spec.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { regions } from "../../src/node.js";
import { operations } from "../../src/generated/operations.js";
import { root } from "../../scripts/prism.js";
import { resolve, spec } from "../support/openapi-doc.js";

// A copy of the vendor's page for inviteShare (shared/reference/invite-share-seed.txt).
const seed = readFileSync(join(root, "test", "support", "fixtures", "invite-share-seed.txt"), "utf8");

describe("openapi.yaml", () => {
  it("is OpenAPI 3.1 with the 2020-12 JSON Schema dialect", () => {
    expect(spec.openapi).toMatch(/^3\.1\./);
    expect(spec.jsonSchemaDialect).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("lists both regions as servers, cn-north-4 first, as the client's region table does", () => {
    expect(spec.servers.map((s: { url: string }) => s.url)).toEqual([regions["cn-north-4"], regions["ap-southeast-1"]]);
  });

  const invite = spec.paths["/v1/mmc/control/conferences/participants/share/invite"];
  it("has the seed's method and address, under the vendor SDK's operation ID", () => {
    expect(seed).toContain("PUT\n\nRequest Address\n\n/v1/mmc/control/conferences/participants/share/invite");
    expect(Object.keys(invite)).toEqual(["put"]);
    expect(invite.put.operationId).toBe("inviteShare");
  });

  it("has the seed's parameters, each where and as the seed says", () => {
    const params = invite.put.parameters.map(resolve).map((p: any) => [p.name, p.in, p.required, p.schema.type]);
    expect(params).toEqual([
      ["conferenceID", "query", true, "string"],
      ["participantID", "query", true, "string"],
      ["X-Conference-Authorization", "header", true, "string"],
    ]);
    for (const [name, , , type] of params) {
      expect(seed).toMatch(new RegExp(`\\n${name}\\n\\nYes\\n\\n${type === "string" ? "String" : "Integer"}\\n`));
    }
  });

  it("has the seed's body: share, a required integer 0 or 1, nothing else; the seed's request as example", () => {
    const body = invite.put.requestBody;
    expect(body.required).toBe(true);
    const schema = resolve(body.content["application/json"].schema);
    expect(schema).toMatchObject({ type: "object", required: ["share"], additionalProperties: false });
    expect(Object.keys(schema.properties)).toEqual(["share"]);
    expect(schema.properties.share).toMatchObject({ type: "integer", enum: [0, 1] });
    expect(body.content["application/json"].examples.invite.value).toEqual({ share: 1 });
    const example = (name: string) => resolve(invite.put.parameters.find((p: any) => resolve(p).name === name)).example;
    expect(seed).toContain(`?conferenceID=${example("conferenceID")}&participantID=${example("participantID")}`);
  });

  it("has the seed's status codes, each error with an example and X-Request-Id", () => {
    expect(Object.keys(invite.put.responses)).toEqual(["200", "400", "401", "403", "500"]);
    for (const status of ["400", "401", "403", "500"]) {
      const response = resolve(invite.put.responses[status]);
      expect(response.headers["X-Request-Id"]).toBeDefined();
      const { examples } = response.content["application/json"];
      for (const { value } of Object.values<any>(examples)) expect(value.error_code).toMatch(/^(MMC|USG)\./);
    }
  });

  it("names the other operations after the vendor's SDKs", () => {
    expect(spec.paths["/v1/mmc/control/conferences/token"].get.operationId).toBe("createConfToken");
    expect(spec.paths["/v1/mmc/control/conferences/realTimeInfo"].get.operationId).toBe("showRealTimeInfoOfMeeting");
  });
});

// The audit of the spec against the vendor's SDKs and pages (shared/reference/spec-audit.md).
describe("openapi.yaml, faithful to the vendor", () => {
  const schemas = spec.components.schemas;
  const ops = Object.entries<any>(spec.paths).flatMap(([path, item]) => Object.entries<any>(item).map(([method, op]) => ({ path, method, op })));
  const op = (id: string) => ops.find((o) => o.op.operationId === id)!;

  /** Every schema node under `node`, with its path. */
  function* walk(node: any, at = ""): Generator<[string, any]> {
    if (!node || typeof node !== "object") return;
    if (typeof node.type === "string") yield [at, node];
    for (const [key, child] of Object.entries(node)) yield* walk(child, `${at}/${key}`);
  }

  it("has updateStartedConfConfig and createWebSocketToken as the official SDK models them", () => {
    const update = op("updateStartedConfConfig");
    expect([update.path, update.method, update.op.tags]).toEqual(["/v1/mmc/control/conferences/updateStartedConfConfig", "put", ["Meeting"]]);
    expect(update.op.parameters.map(resolve).map((p: any) => [p.name, p.in, p.required])).toEqual([
      ["conferenceID", "query", true],
      ["X-Conference-Authorization", "header", true],
    ]);
    expect(Object.keys(schemas.UpdateStartedConfigReqBody.properties).sort()).toEqual(
      [
        "lockSharing",
        "callInRestriction",
        "allowUnmuteByOneself",
        "chatPermission",
        "audienceCallInRestriction",
        "clientRecMode",
        "allowOpenCamera",
        "allowRename",
        "isLock",
        "freeShare",
      ].sort(),
    );
    expect(schemas.UpdateStartedConfigReqBody.required).toBeUndefined();
    const ws = op("createWebSocketToken");
    expect([ws.path, ws.method, ws.op.tags]).toEqual(["/v1/mmc/control/conferences/wsToken", "get", ["Tokens"]]);
    expect(Object.keys(resolve(ws.op.responses["200"].content["application/json"].schema).properties)).toEqual(["webSocketToken"]);
    expect(Object.keys(ws.op.responses)).toEqual(["200", "400", "401", "403", "500"]);
  });

  it("the facade's settings rules are the spec's: same settings, same enums", () => {
    const fromSpec = Object.fromEntries(Object.entries<any>(schemas.UpdateStartedConfigReqBody.properties).map(([name, s]) => [name, s.enum ?? null]));
    const rules = operations.updateStartedConfConfig.body.properties as Record<string, { enum?: readonly number[] }>;
    expect(Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, rule.enum ?? null]))).toEqual(fromSpec);
  });

  it("every integer has the int32 or int64 format the SDKs declare", () => {
    const integers = [...walk(spec.components), ...walk(spec.paths)].filter(([, node]) => node.type === "integer");
    expect(integers.length).toBeGreaterThan(15);
    for (const [at, node] of integers) expect([at, node.format]).toEqual([at, expect.stringMatching(/^int(32|64)$/)]);
    expect(schemas.ConfToken.properties.expireTime.format).toBe("int64");
  });

  it("has no invented example values: wsURL is a bare prefix, notify types end in Notify, gloablPublicIP is a URL", () => {
    const example = op("createConfToken").op.responses["200"].content["application/json"].example;
    expect(new URL(example.data.wsURL)).toMatchObject({ protocol: "wss:", pathname: "/", search: "" });
    expect(example.data.wsURL).not.toContain("/cms/");
    expect(example.data.supportNotifyType.length).toBeGreaterThan(0);
    for (const name of example.data.supportNotifyType) expect(name).toMatch(/^[A-Z][A-Za-z]+Notify$/);
    expect(new URL(example.gloablPublicIP).protocol).toBe("https:");
    expect(schemas.TokenInfo.properties.gloablPublicIP.description).toMatch(/management platform/);
  });

  it("states the fields' meanings as the vendor does", () => {
    const conf = schemas.ConfToken.properties;
    expect(conf.userID.description).toMatch(/scheduled the meeting/);
    expect(conf.orgID.description).toMatch(/enterprise the meeting belongs to/);
    expect(schemas.TokenInfo.properties.addressToken.description).toMatch(/corporate directory/);
    expect(conf.wsURL.description).toMatch(/prefix/);
    expect(conf.role.enum).toBeUndefined(); // a closed response enum would reject the audience role and any new one
  });

  it("labels every response `required` as a client-side assumption", () => {
    const responseSchemas = ["TokenInfo", "ConfToken", "ErrorResponse", "WebSocketToken", "RealTimeInfo", "RealTimeAttendee", "RealTimeParticipant", "RealTimeConfInfo"];
    for (const name of responseSchemas) {
      if (schemas[name].required) expect([name, schemas[name].description]).toEqual([name, expect.stringContaining("Client-side assumption")]);
    }
    expect(schemas.TokenInfo.required).toEqual(["data"]);
  });

  it("labels the 401 and 403 of the token and real-time operations, which the vendor's pages do not list", () => {
    for (const id of ["createConfToken", "showRealTimeInfoOfMeeting"]) {
      const { op: operation } = op(id);
      expect(Object.keys(operation.responses)).toContain("401");
      expect(operation.description).toMatch(/Client-side assumption: the vendor's page for this operation lists only `200`, `400`\s+and `500`/);
    }
  });

  it("marks the error codes no source publishes as illustrative", () => {
    const examples = ["Unauthorized", "Forbidden", "ServerError"].flatMap((name) => Object.values<any>(spec.components.responses[name].content["application/json"].examples));
    for (const example of examples) expect(example.summary).toMatch(/illustrative/);
  });

  it("says which forms of X-Conference-Authorization the vendor shows, and which this client sends", () => {
    expect(spec.info.description).toMatch(/`Basic <base64\(token\)>`/);
    expect(spec.info.description).toMatch(/This client sends the token exactly as\s+`createConfToken` returned it/);
    expect(resolve({ $ref: "#/components/parameters/ConferenceAuthorization" }).description).toMatch(/Basic <base64\(token\)>/);
  });

  it("claims no 429 without saying it is an assumption, and borrows no length limits", () => {
    expect(spec.info.description).not.toMatch(/may also answer `429`/);
    expect(spec.info.description).toMatch(/Client-side assumption: no vendor page for these operations lists `429`/);
    expect(JSON.stringify(schemas.RealTimeParticipant)).not.toMatch(/up to \d+ characters/);
  });

  it("gives inviteShare and updateStartedConfConfig no 200 body, as the SDK models have none", () => {
    expect(op("inviteShare").op.responses["200"].content).toBeUndefined();
    expect(op("updateStartedConfConfig").op.responses["200"].content).toBeUndefined();
  });
});
