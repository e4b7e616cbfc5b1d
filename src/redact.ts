// Secrets travel only in the header they belong to: everywhere else they are replaced.

/** Request headers whose values are secrets. */
export const SECRET_HEADERS = ["x-conference-authorization", "x-password", "x-nonce"] as const;

export const REDACTED = "[redacted]";

/** The headers as a plain object, secret values replaced. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = (SECRET_HEADERS as readonly string[]).includes(name) ? REDACTED : value;
  });
  return out;
}

/** `text` with every occurrence of each secret replaced. */
export function redactText(text: string, secrets: readonly string[]): string {
  for (const secret of secrets) if (secret) text = text.split(secret).join(REDACTED);
  return text;
}

/** A copy of a parsed JSON value (or text) with each secret replaced wherever it appears, keys included. */
export function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0) return value;
  if (typeof value === "string") return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactText(k, secrets), redactDeep(v, secrets)]));
  }
  return value;
}

/** The response headers, with any value that holds a secret redacted. */
export function redactResponseHeaders(headers: Headers, secrets: readonly string[]): Headers {
  let copy: Headers | undefined;
  headers.forEach((value, name) => {
    const clean = redactText(value, secrets);
    if (clean !== value) (copy ??= new Headers(headers)).set(name, clean);
  });
  return copy ?? headers;
}
