// The request headers whose values are secrets. They are set from a conference's auth alone,
// and their values are redacted everywhere else: errors, log lines, traces, the fake's journal.

/** The secret request headers, lower-cased as `Headers` gives names. */
export const SECRET_HEADERS: readonly string[] = ["x-conference-authorization", "x-password", "x-nonce"];
