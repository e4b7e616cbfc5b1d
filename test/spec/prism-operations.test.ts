// Every operation of openapi.yaml, sent as its own examples spell it, is answered by the Prism
// mock with 200 and no violation: the examples are valid and enough to mock the whole API.
import { describe, expect, inject, it } from "vitest";
import { resolve, spec } from "../support/openapi-doc.js";

const operations = Object.entries<any>(spec.paths).flatMap(([path, item]) => Object.entries<any>(item).map(([method, op]) => ({ path, method, op })));

describe("the Prism mock of openapi.yaml", () => {
  it.each(operations.map((o) => [o.op.operationId, o]))("answers %s, sent with the spec's examples, with 200 and no violation", async (_id, { path, method, op }) => {
    const query = new URLSearchParams();
    const headers: Record<string, string> = {};
    for (const parameter of op.parameters.map(resolve)) {
      if (parameter.in === "query") query.set(parameter.name, String(parameter.example));
      else headers[parameter.name] = String(parameter.example);
    }
    const examples = op.requestBody?.content["application/json"].examples;
    let body: string | undefined;
    if (examples) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(Object.values<any>(examples)[0].value);
    }
    const response = await fetch(`${inject("prismUrl")}${path}?${query}`, { method: method.toUpperCase(), headers, body });
    const text = await response.text();
    expect([response.status, response.headers.get("sl-violations")]).toEqual([200, null]);
    const declared = resolve(op.responses["200"]).content;
    if (declared) expect(JSON.parse(text)).toEqual(declared["application/json"].example);
    else expect(text).toBe("");
  });
});
