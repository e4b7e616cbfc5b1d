// Secrets travel only in the header they belong to: everywhere else they are replaced.

import { SECRET_HEADERS } from "./secrets.js";

const REDACTED = "[redacted]";

/**
 * A secret this long or longer is redacted wherever it appears, raw, URL-encoded or in
 * base64; a shorter one only where it is a whole value, so that it cannot mangle unrelated text.
 */
const SUBSTRING_MIN = 8;

/** The request headers as a plain object for a log line, secret values replaced. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = SECRET_HEADERS.includes(name) ? REDACTED : value;
  });
  return out;
}

/** Replaces the secrets in one string (a value, a key, a name) by the rule of `SUBSTRING_MIN`. */
function redactor(secrets: readonly string[]): (text: string) => string {
  const whole = new Set(secrets.filter(Boolean));
  const parts = secrets.filter((s) => s.length >= SUBSTRING_MIN).flatMap(forms);
  return (text) => (whole.has(text) ? REDACTED : parts.reduce((t, part) => (t.includes(part) ? t.split(part).join(REDACTED) : t), text));
}

/** How a server may echo a secret: raw, URL-encoded (either hex case), base64 and base64url (of Latin-1 or UTF-8). */
function forms(secret: string): string[] {
  const out = [secret];
  try {
    const url = encodeURIComponent(secret);
    const utf8 = String.fromCharCode(...new TextEncoder().encode(secret));
    const encoded = [btoa(utf8)];
    // Latin-1 text has a base64 of its own (btoa throws on anything wider).
    if (/^[\0-\xff]*$/.test(secret)) encoded.push(btoa(secret));
    for (const b64 of encoded) {
      // "=" is only ever base64's trailing padding.
      const bare = b64.replace(/=/g, "");
      out.push(b64, bare, bare.replace(/\+/g, "-").replace(/\//g, "_"));
    }
    out.push(
      url,
      url.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    );
  } catch {}
  // Longest first, so that a longer form is replaced before a shorter one inside it. (No form
  // is empty: only secrets of SUBSTRING_MIN characters or more come here.)
  return [...new Set(out)].sort((a, b) => b.length - a.length);
}

/**
 * A copy of response headers with each secret replaced in the values. A header whose name
 * holds a secret is left out: names are never rewritten, since a rewritten name may be no name at all.
 */
export function redactResponseHeaders(headers: Headers, secrets: readonly string[]): Headers {
  const text = redactor(secrets);
  // Names come lower-cased: so are the secrets they are searched for.
  const names = redactor(secrets.map((secret) => secret.toLowerCase()));
  const out = new Headers();
  headers.forEach((value, name) => {
    if (names(name) === name) out.append(name, text(value));
  });
  return out;
}

/**
 * A copy of a parsed JSON value (or text) with each secret replaced in strings and keys.
 * Iterative, so that no depth of nesting can exhaust the stack.
 */
export function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  const text = redactor(secrets);
  const root: Record<string, unknown> = {};
  const stack: [unknown, Record<string, unknown>, string][] = [[value, root, "v"]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [item, parent, key] = next;
    let copy: unknown = item;
    if (typeof item === "string") copy = text(item);
    else if (item && typeof item === "object") {
      copy = Array.isArray(item) ? [] : {};
      const entries = Object.entries(item);
      // Pushed last first, so that keys keep their order.
      for (const [name, inner] of entries.reverse()) stack.push([inner, copy as Record<string, unknown>, Array.isArray(item) ? name : text(name)]);
    }
    // defineProperty, not assignment: a "__proto__" key is data here, not a prototype.
    Object.defineProperty(parent, key, { value: copy, enumerable: true, writable: true, configurable: true });
  }
  return root.v;
}

/**
 * What a failed attempt's error may be shown as: its name, message, code and stack, and the
 * same of its causes (a few deep), each with the secrets of `headers` (the request's) redacted.
 * Nothing else is kept: undici's parser errors carry the server's raw bytes in `data`.
 */
export function bareError(error: unknown, headers: Headers, depth = 4): Error {
  // Stryker disable next-line StringLiteral: a header not sent stands for no secret; redactor() ignores "", and any other stand-in is text no error holds.
  const text = redactor(SECRET_HEADERS.map((name) => headers.get(name) ?? ""));
  const { name, message, code, stack, cause } = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown; stack?: unknown; cause?: unknown };
  const copy = Object.assign(new Error(text(String(message ?? error)), cause != null && depth > 0 ? { cause: bareError(cause, headers, depth - 1) } : {}), {
    name: text(String(name ?? "Error")),
    stack: text(String(stack ?? "")),
  });
  return typeof code === "string" ? Object.assign(copy, { code: text(code) }) : copy;
}
