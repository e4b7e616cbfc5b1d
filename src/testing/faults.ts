// Scripted faults, as data: the next `times` calls of an operation answer `status` (with
// `Retry-After` and a body) instead of reaching the handler.
import { MeetingInputError } from "../errors.js";
import { codes } from "./codes.js";
import { checkResponse, operations, SpecDriftError, type OperationId } from "./request-rules.js";

/** What `failNext` scripts. */
export interface Fault {
  /** The status to answer. Default: 503. */
  status?: number;
  /** How many calls in a row fail. Default: 1. */
  times?: number;
  /** `Retry-After`, in seconds. Default: none. */
  retryAfter?: number;
  /** The JSON body. Default: `{ error_code: "FAKE.FAULT", error_msg: "fault injected by failNext" }`. */
  body?: unknown;
}

export interface Scripted {
  status: number;
  times: number;
  retryAfter?: number;
  body: unknown;
}

/** Checks a fault as a caller passed it; a body the spec forbids for that status is refused now, not when it is sent. */
export function scripted(operationId: unknown, fault: Fault = {}): [OperationId, Scripted] {
  if (typeof operationId !== "string" || !Object.hasOwn(operations, operationId)) {
    throw new MeetingInputError("operationId", `must be one of ${Object.keys(operations).join(", ")}`);
  }
  const { status = 503, times = 1, retryAfter, body = { error_code: codes.fault.error_code, error_msg: codes.fault.error_msg } } = fault;
  if (!Number.isInteger(status) || status < 400 || status > 599) throw new MeetingInputError("status", "must be an integer from 400 to 599");
  if (!Number.isInteger(times) || times < 1) throw new MeetingInputError("times", "must be a positive integer");
  if (retryAfter !== undefined && (!Number.isInteger(retryAfter) || retryAfter < 0)) {
    throw new MeetingInputError("retryAfter", "must be a non-negative integer (seconds)");
  }
  try {
    checkResponse(operationId as OperationId, status, body);
  } catch (error) {
    if (error instanceof SpecDriftError) throw new MeetingInputError("body", `must be what openapi.yaml allows (${error.message})`);
    throw error;
  }
  return [operationId as OperationId, { status, times, retryAfter, body }];
}
