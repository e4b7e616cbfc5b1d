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
