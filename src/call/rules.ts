// The input rules of the operation table (a subset of JSON Schema, as the spec states them),
// checked before anything is sent: a value that breaks one is a MeetingInputError naming the field.
import type { Rule } from "../generated/operations.js";
import { fail, kind } from "./input.js";

// Half a UTF-16 pair without its other half: no URL or JSON encoder sends it as it is.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INT32 = 2 ** 31;

/** The type a JSON value has, in JSON Schema's words ("integer" for a whole number). */
function typeOf(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Throws the MeetingInputError for the first rule `value` breaks, naming `field`. */
export function check(field: string, value: unknown, rule: Rule): void {
  if (rule.enum) {
    if (!rule.enum.includes(value)) fail(field, `must be one of ${rule.enum.join(", ")}, got ${kind(value)}`);
    return;
  }
  if ("const" in rule && value !== rule.const) fail(field, `must be ${JSON.stringify(rule.const)}, got ${kind(value)}`);
  const actual = typeOf(value);
  const types = rule.type === undefined ? [] : ([] as string[]).concat(rule.type);
  if (types.length && !types.some((type) => type === actual || (type === "number" && actual === "integer"))) {
    const named = types.map((type) => (type === "integer" && rule.format ? `an ${rule.format} integer` : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`));
    fail(field, `must be ${named.join(" or ")}, got ${kind(value)}`);
  }
  if (typeof value === "number") number(field, value, rule);
  else if (typeof value === "string") text(field, value, rule);
  else if (Array.isArray(value)) {
    if (value.length < (rule.minItems ?? 0)) fail(field, `must hold at least ${rule.minItems} item${rule.minItems === 1 ? "" : "s"}`);
    if (value.length > (rule.maxItems ?? Infinity)) fail(field, `must hold at most ${rule.maxItems} items`);
    // By index: a hole is a value too (undefined), which JSON would turn into null.
    for (let i = 0; i < value.length; i++) {
      if (rule.items) check(`${field}[${i}]`, value[i], rule.items);
      else data(`${field}[${i}]`, value[i]);
    }
    if (rule.uniqueItems && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) fail(field, "must not repeat an item");
  } else if (actual === "object") fields(field, value as Record<string, unknown>, rule);
}

function number(field: string, value: number, rule: Rule): void {
  if (!Number.isFinite(value)) fail(field, `must be a finite number, got ${kind(value)}`);
  if (rule.format === "int32" && !(value >= -INT32 && value < INT32)) fail(field, `must be an int32 integer, got ${kind(value)}`);
  if (rule.format === "int64" && !Number.isSafeInteger(value)) fail(field, `must be an integer JavaScript holds exactly, got ${kind(value)}`);
  const { minimum = -Infinity, maximum = Infinity, exclusiveMinimum = -Infinity, exclusiveMaximum = Infinity } = rule;
  if (value < minimum || value > maximum || value <= exclusiveMinimum || value >= exclusiveMaximum) {
    const low = rule.minimum ?? rule.exclusiveMinimum;
    const high = rule.maximum ?? rule.exclusiveMaximum;
    fail(field, `must be in ${rule.minimum === undefined ? "(" : "["}${low ?? "-∞"}, ${high ?? "∞"}${rule.maximum === undefined ? ")" : "]"}, got ${value}`);
  }
}

function text(field: string, value: string, rule: Rule): void {
  // Lengths as JSON Schema counts them: in code points.
  const length = [...value].length;
  if (length < (rule.minLength ?? 0)) fail(field, rule.minLength === 1 ? "must not be empty" : `must be at least ${rule.minLength} characters`);
  if (length > (rule.maxLength ?? Infinity)) fail(field, `must be at most ${rule.maxLength} characters`);
  if (LONE_SURROGATE.test(value)) fail(field, "must not hold lone surrogates");
  // The pattern is shown, never the value: it may be a secret.
  if (rule.pattern && !new RegExp(rule.pattern, "u").test(value)) fail(field, `must match ${rule.pattern}`);
}

/**
 * An object's fields: none unknown (where the rule closes it), the required ones present, each
 * by its rule, and as many as the rule asks. `noun` names a field in messages ("setting").
 */
export function fields(field: string, value: Record<string, unknown>, rule: Rule, noun = "field"): void {
  const known = rule.properties ?? {};
  const keys = Object.keys(value);
  for (const key of keys) {
    const its = Object.hasOwn(known, key) ? known[key] : undefined;
    if (its !== undefined) check(`${field}.${key}`, value[key], its);
    else if (rule.additionalProperties === false) {
      fail(field, `has no ${noun} ${JSON.stringify(key)}: the ${noun}s are ${Object.keys(known).join(", ")}`);
    } else data(`${field}.${key}`, value[key]);
  }
  for (const key of rule.required ?? []) if (!Object.hasOwn(value, key)) fail(`${field}.${key}`, "is required");
  if (keys.length < (rule.minProperties ?? 0)) {
    fail(field, `must hold at least ${rule.minProperties === 1 ? `one ${noun}` : `${rule.minProperties} ${noun}s`}, got ${keys.length || "none"}`);
  }
  if (keys.length > (rule.maxProperties ?? Infinity)) fail(field, `must hold at most ${rule.maxProperties} ${noun}s`);
}

/** A value no rule describes: it must still be JSON data, which JSON.stringify sends as it is (not dropped, not null). */
function data(field: string, value: unknown): void {
  const type = typeOf(value);
  if (type === "array") for (let i = 0; i < (value as unknown[]).length; i++) data(`${field}[${i}]`, (value as unknown[])[i]);
  else if (type === "object") for (const key of Object.keys(value as object)) data(`${field}.${key}`, (value as Record<string, unknown>)[key]);
  else if (type === "number" || type === "integer") number(field, value as number, {});
  else if (type === "string") text(field, value as string, {});
  else if (type !== "boolean" && type !== "null") fail(field, `must be JSON data, got ${kind(value)}`);
}
