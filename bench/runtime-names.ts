// The contenders of the runtime rows, in the order they are printed: the names alone, for the
// parent (bench/runtimes.ts), which must not load the contenders themselves.
export const RUNTIME_CONTENDER_NAMES = ["raw fetch", "bare openapi-fetch + an AbortSignal per call", "universal entry, meeting.api", "universal entry, { token }"] as const;

export type RuntimeContenderName = (typeof RUNTIME_CONTENDER_NAMES)[number];
