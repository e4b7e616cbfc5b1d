// Secrets travel only in the header they belong to: everywhere else they are replaced.

/** Request headers whose values are secrets. */
export const SECRET_HEADERS = ["x-conference-authorization", "x-password", "x-nonce"];

export const REDACTED = "[redacted]";

/** The request headers as a plain object for a log line, secret values replaced. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => (out[name] = SECRET_HEADERS.includes(name) ? REDACTED : value));
  return out;
}

/** A copy of a parsed JSON value, text or Headers with each secret replaced wherever it appears, keys included. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === "string") return secrets.reduce((text, secret) => (secret ? text.split(secret).join(REDACTED) : text), value as string) as T;
  if (value instanceof Headers) return new Headers(redactDeep([...value], secrets)) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactDeep(k, secrets), redactDeep(v, secrets)])) as T;
  }
  return value;
}
