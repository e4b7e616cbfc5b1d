// The fake's validators, compiled from openapi.yaml and asyncapi.yaml by scripts/generate-validators.ts.
// Do not make direct changes to the file.

/** One failed check, as Ajv reports it. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
/** A compiled schema: true when the data is valid, else false with `errors` set. */
export interface Validator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}
export declare const inviteShare_query: Validator;
export declare const inviteShare_header: Validator;
export declare const inviteShare_body: Validator;
export declare const inviteShare_400: Validator;
export declare const inviteShare_401: Validator;
export declare const inviteShare_403: Validator;
export declare const inviteShare_500: Validator;
export declare const createConfToken_query: Validator;
export declare const createConfToken_header: Validator;
export declare const createConfToken_200: Validator;
export declare const createConfToken_400: Validator;
export declare const createConfToken_401: Validator;
export declare const createConfToken_403: Validator;
export declare const createConfToken_500: Validator;
export declare const showRealTimeInfoOfMeeting_query: Validator;
export declare const showRealTimeInfoOfMeeting_header: Validator;
export declare const showRealTimeInfoOfMeeting_200: Validator;
export declare const showRealTimeInfoOfMeeting_400: Validator;
export declare const showRealTimeInfoOfMeeting_401: Validator;
export declare const showRealTimeInfoOfMeeting_403: Validator;
export declare const showRealTimeInfoOfMeeting_500: Validator;
export declare const updateStartedConfConfig_query: Validator;
export declare const updateStartedConfConfig_header: Validator;
export declare const updateStartedConfConfig_body: Validator;
export declare const updateStartedConfConfig_400: Validator;
export declare const updateStartedConfConfig_401: Validator;
export declare const updateStartedConfConfig_403: Validator;
export declare const updateStartedConfConfig_500: Validator;
export declare const createWebSocketToken_query: Validator;
export declare const createWebSocketToken_header: Validator;
export declare const createWebSocketToken_200: Validator;
export declare const createWebSocketToken_400: Validator;
export declare const createWebSocketToken_401: Validator;
export declare const createWebSocketToken_403: Validator;
export declare const createWebSocketToken_500: Validator;
export declare const muteParticipant_query: Validator;
export declare const muteParticipant_header: Validator;
export declare const muteParticipant_body: Validator;
export declare const muteParticipant_400: Validator;
export declare const muteParticipant_401: Validator;
export declare const muteParticipant_403: Validator;
export declare const muteParticipant_500: Validator;
export declare const muteMeeting_query: Validator;
export declare const muteMeeting_header: Validator;
export declare const muteMeeting_body: Validator;
export declare const muteMeeting_400: Validator;
export declare const muteMeeting_401: Validator;
export declare const muteMeeting_403: Validator;
export declare const muteMeeting_500: Validator;
export declare const hangUp_query: Validator;
export declare const hangUp_header: Validator;
export declare const hangUp_body: Validator;
export declare const hangUp_400: Validator;
export declare const hangUp_401: Validator;
export declare const hangUp_403: Validator;
export declare const hangUp_500: Validator;
export declare const renameParticipant_query: Validator;
export declare const renameParticipant_header: Validator;
export declare const renameParticipant_body: Validator;
export declare const renameParticipant_400: Validator;
export declare const renameParticipant_401: Validator;
export declare const renameParticipant_403: Validator;
export declare const renameParticipant_500: Validator;
export declare const deleteLayout_query: Validator;
export declare const deleteLayout_header: Validator;
export declare const deleteLayout_400: Validator;
export declare const deleteLayout_401: Validator;
export declare const deleteLayout_403: Validator;
export declare const deleteLayout_500: Validator;
export declare const event_SubscribeFrame: Validator;
export declare const event_SubscribeData: Validator;
export declare const event_HeartBeatFrame: Validator;
export declare const event_ReplyFrame: Validator;
export declare const event_ParticipantsNotify: Validator;
export declare const event_ConfDynamicInfoNotify: Validator;
/** openapi.yaml's operations, by operationId. */
export declare const operations: {
  readonly inviteShare: {
    readonly method: string;
    readonly path: string;
    readonly parameters: readonly { readonly name: string; readonly in: "query" | "header" | "path" | "cookie"; readonly required: boolean; readonly type: string }[];
    readonly body: { readonly required: boolean; readonly fields: readonly string[] } | null;
    readonly responses: Readonly<Record<string, "json" | "empty">>;
  };
  readonly createConfToken: {
    readonly method: string;
    readonly path: string;
    readonly parameters: readonly { readonly name: string; readonly in: "query" | "header" | "path" | "cookie"; readonly required: boolean; readonly type: string }[];
    readonly body: { readonly required: boolean; readonly fields: readonly string[] } | null;
    readonly responses: Readonly<Record<string, "json" | "empty">>;
  };
  readonly showRealTimeInfoOfMeeting: {
    readonly method: string;
    readonly path: string;
    readonly parameters: readonly { readonly name: string; readonly in: "query" | "header" | "path" | "cookie"; readonly required: boolean; readonly type: string }[];
    readonly body: { readonly required: boolean; readonly fields: readonly string[] } | null;
    readonly responses: Readonly<Record<string, "json" | "empty">>;
  };
  readonly updateStartedConfConfig: {
    readonly method: string;
    readonly path: string;
    readonly parameters: readonly { readonly name: string; readonly in: "query" | "header" | "path" | "cookie"; readonly required: boolean; readonly type: string }[];
    readonly body: { readonly required: boolean; readonly fields: readonly string[] } | null;
    readonly responses: Readonly<Record<string, "json" | "empty">>;
  };
  readonly createWebSocketToken: {
    readonly method: string;
    readonly path: string;
    readonly parameters: readonly { readonly name: string; readonly in: "query" | "header" | "path" | "cookie"; readonly required: boolean; readonly type: string }[];
    readonly body: { readonly required: boolean; readonly fields: readonly string[] } | null;
    readonly responses: Readonly<Record<string, "json" | "empty">>;
  };
  readonly muteParticipant: {
    readonly method: string;
    readonly path: string;
    readonly parameters: readonly { readonly name: string; readonly in: "query" | "header" | "path" | "cookie"; readonly required: boolean; readonly type: string }[];
    readonly body: { readonly required: boolean; readonly fields: readonly string[] } | null;
    readonly responses: Readonly<Record<string, "json" | "empty">>;
  };
  readonly muteMeeting: {
    readonly method: string;
    readonly path: string;
    readonly parameters: readonly { readonly name: string; readonly in: "query" | "header" | "path" | "cookie"; readonly required: boolean; readonly type: string }[];
    readonly body: { readonly required: boolean; readonly fields: readonly string[] } | null;
    readonly responses: Readonly<Record<string, "json" | "empty">>;
  };
  readonly hangUp: {
    readonly method: string;
    readonly path: string;
    readonly parameters: readonly { readonly name: string; readonly in: "query" | "header" | "path" | "cookie"; readonly required: boolean; readonly type: string }[];
    readonly body: { readonly required: boolean; readonly fields: readonly string[] } | null;
    readonly responses: Readonly<Record<string, "json" | "empty">>;
  };
  readonly renameParticipant: {
    readonly method: string;
    readonly path: string;
    readonly parameters: readonly { readonly name: string; readonly in: "query" | "header" | "path" | "cookie"; readonly required: boolean; readonly type: string }[];
    readonly body: { readonly required: boolean; readonly fields: readonly string[] } | null;
    readonly responses: Readonly<Record<string, "json" | "empty">>;
  };
  readonly deleteLayout: {
    readonly method: string;
    readonly path: string;
    readonly parameters: readonly { readonly name: string; readonly in: "query" | "header" | "path" | "cookie"; readonly required: boolean; readonly type: string }[];
    readonly body: { readonly required: boolean; readonly fields: readonly string[] } | null;
    readonly responses: Readonly<Record<string, "json" | "empty">>;
  };
};
