// The settings of an ongoing meeting (`updateStartedConfConfig`): their type, from the spec. Their
// rules are the generated operation table's, checked by src/call/rules.ts before sending.
import type { components } from "./generated/schema.js";

/** Settings of an ongoing meeting to change: every field optional, values as the spec's `UpdateStartedConfigReqBody` lists them. */
export type MeetingSettings = components["schemas"]["UpdateStartedConfigReqBody"];
