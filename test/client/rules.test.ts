// The operation table's input rules and the caller-value checks, called directly: each rule
// at its edges, and the exact message a caller reads (the field, the rule, what was given).
import { describe, expect, it } from "vitest";
import { checkHeaders, checkId, checkKeys, checkSecret, kind, object } from "../../src/call/input.js";
import { check, fields } from "../../src/call/rules.js";
import type { Rule } from "../../src/generated/operations.js";
import { thrown } from "../support/helpers.js";

/** The message `check` throws for `value`, or `undefined` when the value passes. */
function broken(value: unknown, rule: Rule, field = "f"): string | undefined {
  try {
    check(field, value, rule);
    return undefined;
  } catch (error) {
    expect(error).toMatchObject({ name: "MeetingInputError" });
    return (error as Error).message;
  }
}

describe("check: one value against its rule", () => {
  it.each<[unknown, Rule, string | undefined]>([
    // enum: checked alone
    [5, { enum: [0, 1] }, "f must be one of 0, 1, got 5"],
    ["0", { enum: [0, 1] }, "f must be one of 0, 1, got string"],
    [1, { enum: [0, 1] }, undefined],
    ["a", { enum: ["a"], type: "integer" }, undefined],
    // const
    [2, { const: 1 }, "f must be 1, got 2"],
    ["x", { const: "y" }, 'f must be "y", got string'],
    [1, { const: 1 }, undefined],
    // types, named as JSON Schema does
    ["x", { type: "integer", format: "int32" }, "f must be an int32 integer, got string"],
    ["x", { type: "integer" }, "f must be an integer, got string"],
    [1.5, { type: "integer" }, "f must be an integer, got 1.5"],
    [5, { type: ["string", "null"] }, "f must be a string or a null, got 5"],
    ["x", { type: "number" }, "f must be a number, got string"],
    [5, { type: "string", format: "password" }, "f must be a string, got 5"],
    [{}, { type: "array" }, "f must be an array, got object"],
    [[], { type: "object" }, "f must be an object, got an array"],
    [null, { type: "object" }, "f must be an object, got null"],
    [true, { type: "boolean" }, undefined],
    [3, { type: "number" }, undefined],
    [null, { type: ["string", "null"] }, undefined],
    [[], { type: [] }, undefined],
    // numbers
    [Number.NaN, { type: "number" }, "f must be a finite number, got NaN"],
    [Number.POSITIVE_INFINITY, {}, "f must be a finite number, got Infinity"],
    [2 ** 31, { format: "int32" }, "f must be an int32 integer, got 2147483648"],
    [2 ** 31 - 1, { format: "int32" }, undefined],
    [-(2 ** 31), { format: "int32" }, undefined],
    [-(2 ** 31) - 1, { format: "int32" }, "f must be an int32 integer, got -2147483649"],
    [2 ** 53, { format: "int64" }, "f must be an integer JavaScript holds exactly, got 9007199254740992"],
    [2 ** 53 - 1, { format: "int64" }, undefined],
    [0, { minimum: 1, maximum: 5 }, "f must be in [1, 5], got 0"],
    [6, { minimum: 1, maximum: 5 }, "f must be in [1, 5], got 6"],
    [1, { minimum: 1, maximum: 5 }, undefined],
    [5, { minimum: 1, maximum: 5 }, undefined],
    [0, { exclusiveMinimum: 0 }, "f must be in (0, ∞), got 0"],
    [0.5, { exclusiveMinimum: 0 }, undefined],
    [10, { exclusiveMaximum: 10 }, "f must be in (-∞, 10), got 10"],
    [9, { exclusiveMaximum: 10 }, undefined],
    [3, { minimum: 1, exclusiveMaximum: 3 }, "f must be in [1, 3), got 3"],
    [0, { exclusiveMinimum: 0, maximum: 3 }, "f must be in (0, 3], got 0"],
    // text, in code points
    ["", { minLength: 1 }, "f must not be empty"],
    ["ab", { minLength: 3 }, "f must be at least 3 characters"],
    ["abc", { minLength: 3 }, undefined],
    ["abcd", { maxLength: 3 }, "f must be at most 3 characters"],
    ["😀😀😀", { maxLength: 3 }, undefined],
    ["ab\uD800", {}, "f must not hold lone surrogates"],
    ["\uDC00ab", {}, "f must not hold lone surrogates"],
    ["12a", { pattern: "^[0-9]+$" }, "f must match ^[0-9]+$"],
    ["😀", { pattern: "^.$" }, undefined],
    // arrays
    [[], { minItems: 1 }, "f must hold at least 1 item"],
    [[1], { minItems: 2 }, "f must hold at least 2 items"],
    [[1, 2], { minItems: 2, maxItems: 2 }, undefined],
    [[1, 2, 3], { maxItems: 2 }, "f must hold at most 2 items"],
    [[1, "x"], { items: { type: "integer" } }, "f[1] must be an integer, got string"],
    [[undefined], {}, "f[0] must be JSON data, got undefined"],
    [[1, 1], { uniqueItems: true }, "f must not repeat an item"],
    [[{ a: 1 }, { a: 1 }], { uniqueItems: true }, "f must not repeat an item"],
    [[{ a: 1 }, { a: 2 }], { uniqueItems: true }, undefined],
    [[1, 1], {}, undefined],
    // objects
    [{ a: "x" }, { properties: { a: { type: "integer" } } }, "f.a must be an integer, got string"],
    [{ x: () => 1 }, {}, "f.x must be JSON data, got function"],
  ])("%j against %j: %s", (value, rule, message) => {
    expect(broken(value, rule)).toBe(message);
  });

  it("a hole in an array is a value too: undefined, which JSON would send as null", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expect(broken([1, , 3], { items: { type: "integer" } })).toBe("f[1] must be an integer, got undefined");
  });
});

describe("fields: an object's fields", () => {
  const rule: Rule = { properties: { a: { type: "integer" }, b: { type: "string" } }, additionalProperties: false, required: ["a"] };

  it.each<[Record<string, unknown>, Rule, string | undefined]>([
    [{ a: 1 }, rule, undefined],
    [{ a: 1, c: 2 }, rule, 'f has no field "c": the fields are a, b'],
    [{ a: 1, toString: 2 }, rule, 'f has no field "toString": the fields are a, b'],
    [{ b: "x" }, rule, "f.a is required"],
    [{}, { minProperties: 1 }, "f must hold at least one field, got none"],
    [{ a: 1 }, { minProperties: 2 }, "f must hold at least 2 fields, got 1"],
    [{ a: 1 }, { minProperties: 1 }, undefined],
    [{ a: 1, b: 2 }, { maxProperties: 1 }, "f must hold at most 1 fields"],
    [{ a: 1 }, { maxProperties: 1 }, undefined],
    [{ x: { y: [Number.NaN] } }, {}, "f.x.y[0] must be a finite number, got NaN"],
    [{ x: "\uD800" }, {}, "f.x must not hold lone surrogates"],
    [{ x: [true, null, "s", 1.5, { y: false }] }, {}, undefined],
    [{ x: Symbol("s") }, {}, "f.x must be JSON data, got symbol"],
    [{ x: 10n }, {}, "f.x must be JSON data, got bigint"],
  ])("%o: %s", (value, objectRule, message) => {
    const got = thrown(() => fields("f", value, objectRule));
    expect(got?.message).toBe(message);
  });

  it("names a field by the noun it is given", () => {
    expect(thrown(() => fields("settings", { lok: 1 }, { properties: { lock: {} }, additionalProperties: false }, "setting"))).toEqual({
      field: "settings",
      message: 'settings has no setting "lok": the settings are lock',
    });
    expect(thrown(() => fields("settings", {}, { minProperties: 1 }, "setting"))?.message).toBe("settings must hold at least one setting, got none");
  });
});

describe("the caller-value checks", () => {
  it.each<[unknown, string | undefined]>([
    ["x".repeat(256), undefined],
    ["x".repeat(257), "conferenceID must be at most 256 characters"],
    ["", "conferenceID must not be empty"],
    [42, "conferenceID must be a string, got 42"],
    [null, "conferenceID must be a string, got null"],
    ["a\u007fb", "conferenceID must not hold control characters or lone surrogates"],
    ["a\u009fb", "conferenceID must not hold control characters or lone surrogates"],
    ["a\u001fb", "conferenceID must not hold control characters or lone surrogates"],
    ["a\uD800", "conferenceID must not hold control characters or lone surrogates"],
    ["\uDC00a", "conferenceID must not hold control characters or lone surrogates"],
    ["😀 ok é 中", undefined],
    ["a\u00a0b", undefined],
  ])("checkId(%j): %s", (value, message) => {
    expect(thrown(() => checkId("conferenceID", value))?.message).toBe(message);
  });

  it("checkId returns the ID exactly as given", () => {
    expect(checkId("conferenceID", " 98 69 ")).toBe(" 98 69 ");
  });

  const HEADER_RULE = "must be a header value: Latin-1, no CR, LF or controls, no edge spaces";
  it.each<[unknown, string | undefined]>([
    ["tok\tén", undefined],
    ["t", undefined],
    ["a\u00ffb", undefined],
    [" tok", `auth.token ${HEADER_RULE}`],
    ["tok ", `auth.token ${HEADER_RULE}`],
    ["\ttok", `auth.token ${HEADER_RULE}`],
    ["tok\t", `auth.token ${HEADER_RULE}`],
    ["a\u0100b", `auth.token ${HEADER_RULE}`],
    ["a\u007fb", `auth.token ${HEADER_RULE}`],
    ["a\nb", `auth.token ${HEADER_RULE}`],
    ["", "auth.token must not be empty"],
    [5, "auth.token must be a string, got 5"],
  ])("checkSecret(%j): %s", (value, message) => {
    expect(thrown(() => checkSecret("auth.token", value))?.message).toBe(message);
  });

  it.each<[unknown, { field?: string; message: string } | undefined]>([
    [{ "X-Trace": "t1", Prefer: "code=401", "x-empty": "" }, undefined],
    [{ "!#$%&'*+.^_`|~09AZaz-": "v" }, undefined],
    [null, { field: "options.headers", message: "options.headers must be an object of header names to values, got null" }],
    ["a: b", { field: "options.headers", message: "options.headers must be an object of header names to values, got string" }],
    [["a"], { field: "options.headers", message: "options.headers must be an object of header names to values, got an array" }],
    [{ "bad name": "v" }, { field: "options.headers", message: 'options.headers holds a name that is not a header name: "bad name"' }],
    [{ "": "v" }, { field: "options.headers", message: 'options.headers holds a name that is not a header name: ""' }],
    [{ "x-é": "v" }, { field: "options.headers", message: 'options.headers holds a name that is not a header name: "x-é"' }],
    [{ "X-NONCE": "n" }, { field: "options.headers.X-NONCE", message: "options.headers.X-NONCE cannot be set per call: it comes from the conference's auth" }],
    [{ "X-Trace": 42 }, { field: "options.headers.X-Trace", message: `options.headers.X-Trace ${HEADER_RULE}, got 42` }],
    [{ "X-Trace": " t" }, { field: "options.headers.X-Trace", message: `options.headers.X-Trace ${HEADER_RULE}, got string` }],
  ])("checkHeaders(%j)", (value, error) => {
    expect(thrown(() => checkHeaders("options.headers", value))).toEqual(error);
  });

  it("checkHeaders returns the headers as given", () => {
    const headers = { "X-Trace": "t1" };
    expect(checkHeaders("options.headers", headers)).toBe(headers);
  });

  it("object() returns an object as it is, and refuses anything else by its kind", () => {
    const value = { a: 1 };
    expect(object("options", value)).toBe(value);
    expect(thrown(() => object("options", "fast"))).toEqual({ field: "options", message: "options must be an object, got string" });
    expect(thrown(() => object("options", null))).toEqual({ field: "options", message: "options must be an object, got null" });
  });

  it("kind() names what was given without ever showing a string", () => {
    expect([kind(5), kind(Number.NaN), kind(null), kind([]), kind({}), kind("secret"), kind(undefined), kind(() => 1)]).toEqual([
      "5",
      "NaN",
      "null",
      "an array",
      "object",
      "string",
      "undefined",
      "function",
    ]);
  });

  it("checkKeys names the unknown key with its prefix, and the known one it is closest to", () => {
    expect(thrown(() => checkKeys("auth.", { tokn: "t" }, { token: 1, hostPassword: 1, nonce: 1 }))).toEqual({
      field: "auth.tokn",
      message: "unknown option auth.tokn — did you mean auth.token?",
    });
    expect(thrown(() => checkKeys("", { zzzzzz: 1 }, { token: 1 }))).toEqual({ field: "zzzzzz", message: "unknown option zzzzzz" });
    // Six letters against one: five edits at least, more than a third of six.
    expect(thrown(() => checkKeys("", { abcdef: 1 }, { x: 1 }))).toEqual({ field: "abcdef", message: "unknown option abcdef" });
    expect(thrown(() => checkKeys("", { token: 1 }, { token: 1 }))).toBeUndefined();
    expect(thrown(() => checkKeys("", { toString: 1 }, { token: 1 }))?.message).toBe("unknown option toString");
  });
});
