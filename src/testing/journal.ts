// The journal: one entry per request the fake answered. It holds no header, query value or
// body, so no host password or token can ever be in it.
import type { OperationId } from "./request-rules.js";

/** One answered request. */
export interface JournalEntry {
  /** The operation of openapi.yaml the request went to; `null` when it matched none. */
  operationId: OperationId | null;
  method: string;
  /** The path, without the query string. */
  path: string;
  status: number;
  /** How the request broke openapi.yaml: `<JSON pointer>: <rule>`, such as `/body/share: must be equal to one of the allowed values`. */
  violations: string[];
}
