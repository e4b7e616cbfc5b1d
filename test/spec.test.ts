// openapi.yaml agrees with the vendor's page for the seed operation, and the facade with the spec.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { regions } from "../src/index.js";
import { root, specPath } from "../scripts/prism.js";

const spec = parse(readFileSync(specPath, "utf8"));
// A copy of the vendor's page for inviteShare (shared/reference/invite-share-seed.txt).
const seed = readFileSync(join(root, "test", "fixtures", "invite-share-seed.txt"), "utf8");
const resolve = (node: any): any => (node?.$ref ? resolve(node.$ref.slice(2).split("/").reduce((n: any, k: string) => n[k], spec)) : node);

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
