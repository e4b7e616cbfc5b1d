/**
 * The operation table, each operationId by `METHOD path`, and why each operation may be repeated, generated from openapi.yaml by
 * scripts/generate-operations.ts. Do not make direct changes to the file.
 */

/** The rules an input value is checked by: a subset of JSON Schema, as the spec states them. */
export interface Rule {
  type?: string | readonly string[];
  enum?: readonly unknown[];
  const?: unknown;
  format?: "int32" | "int64";
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  items?: Rule;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: { readonly [field: string]: Rule };
  required?: readonly string[];
  additionalProperties?: false;
  minProperties?: number;
  maxProperties?: number;
}

/**
 * A facade method: `handle.name`; `fixed` body fields it sets itself; `argument`, the one
 * input field taken as its first parameter; `input`, its input's name in errors (default
 * `input`); `only`: it sends its fixed fields alone (a body of independent settings).
 */
export interface FacadeMethod {
  method: string;
  fixed?: { readonly [field: string]: unknown };
  argument?: string;
  input?: string;
  only?: 1;
}

/** One operation of the table. */
export interface Operation {
  method: string;
  path: string;
  idempotent: boolean;
  participantID?: "query" | "body";
  query?: Rule;
  body?: Rule;
  answer?: 1;
  facade: readonly FacadeMethod[];
}

/**
 * Every meeting-control operation the control token authorizes, by operationId: its method and
 * path, where its input goes (`participantID`: where the participant handle's ID goes), the
 * rules its query and body are checked by before sending, whether a repeat leaves the same state
 * (`idempotent`), whether it answers with a JSON body (`answer`), and the facade methods it backs.
 */
export const operations = {
  inviteShare: {"method":"PUT","path":"/v1/mmc/control/conferences/participants/share/invite","idempotent":true,"participantID":"query","query":{"properties":{"participantID":{"type":"string","minLength":1}},"required":["participantID"]},"body":{"required":["share"],"additionalProperties":false,"properties":{"share":{"enum":[0,1]}}},"facade":[{"method":"participant.inviteToShare","fixed":{"share":1}},{"method":"participant.cancelShareInvitation","fixed":{"share":0}}]},
  createConfToken: {"method":"GET","path":"/v1/mmc/control/conferences/token","idempotent":true,"answer":1,"facade":[]},
  showRealTimeInfoOfMeeting: {"method":"GET","path":"/v1/mmc/control/conferences/realTimeInfo","idempotent":true,"answer":1,"facade":[{"method":"conference.realTimeInfo"}]},
  updateStartedConfConfig: {"method":"PUT","path":"/v1/mmc/control/conferences/updateStartedConfConfig","idempotent":true,"body":{"additionalProperties":false,"minProperties":1,"properties":{"lockSharing":{"enum":[0,1]},"freeShare":{"enum":[0,1]},"isLock":{"enum":[0,1]},"callInRestriction":{"enum":[0,2,3]},"audienceCallInRestriction":{"enum":[0,2]},"allowUnmuteByOneself":{"enum":[0,1]},"chatPermission":{"enum":[1,2,3,4]},"allowOpenCamera":{"enum":[0,1]},"allowRename":{"enum":[0,1]},"clientRecMode":{"type":"integer","format":"int32"}}},"facade":[{"method":"conference.updateSettings","input":"settings"},{"method":"conference.lockSharing","fixed":{"lockSharing":1},"only":1},{"method":"conference.unlockSharing","fixed":{"lockSharing":0},"only":1}]},
  createWebSocketToken: {"method":"GET","path":"/v1/mmc/control/conferences/wsToken","idempotent":true,"answer":1,"facade":[]},
  muteParticipant: {"method":"PUT","path":"/v1/mmc/control/conferences/participants/mute","idempotent":true,"participantID":"query","query":{"properties":{"participantID":{"type":"string","minLength":1}},"required":["participantID"]},"body":{"required":["isMute"],"additionalProperties":false,"properties":{"isMute":{"enum":[0,1]}}},"facade":[{"method":"participant.mute","fixed":{"isMute":1}},{"method":"participant.unmute","fixed":{"isMute":0}}]},
  muteMeeting: {"method":"PUT","path":"/v1/mmc/control/conferences/mute","idempotent":true,"body":{"required":["isMute"],"additionalProperties":false,"properties":{"isMute":{"enum":[0,1]},"allowUnmuteByOneself":{"enum":[0,1]}}},"facade":[{"method":"conference.muteAll","fixed":{"isMute":1}},{"method":"conference.unmuteAll","fixed":{"isMute":0}}]},
  hangUp: {"method":"POST","path":"/v1/mmc/control/conferences/participants/delete","idempotent":false,"body":{"required":["bulkHangUpParticipants"],"additionalProperties":false,"properties":{"bulkHangUpParticipants":{"type":"array","minItems":1,"items":{"type":"string","minLength":1}}}},"facade":[{"method":"conference.hangUp","argument":"bulkHangUpParticipants"}]},
  renameParticipant: {"method":"PUT","path":"/v1/mmc/control/conferences/participants/name","idempotent":true,"participantID":"body","body":{"required":["number","newName"],"additionalProperties":false,"properties":{"participantID":{"type":"string","minLength":1},"number":{"type":"string","minLength":1},"newName":{"type":"string","minLength":1,"maxLength":64}}},"facade":[{"method":"participant.rename"}]},
  deleteLayout: {"method":"DELETE","path":"/v1/mmc/control/conferences/layOut","idempotent":true,"query":{"properties":{"uuID":{"type":"string","minLength":1}},"required":["uuID"]},"facade":[{"method":"conference.deleteLayout","argument":"uuID"}]},
} as const satisfies Record<string, Operation>;

/** Each operationId by `METHOD path`, for every operation of the spec. */
export const operationIds = {
  "PUT /v1/mmc/control/conferences/participants/share/invite": "inviteShare",
  "GET /v1/mmc/control/conferences/token": "createConfToken",
  "GET /v1/mmc/control/conferences/realTimeInfo": "showRealTimeInfoOfMeeting",
  "PUT /v1/mmc/control/conferences/updateStartedConfConfig": "updateStartedConfConfig",
  "GET /v1/mmc/control/conferences/wsToken": "createWebSocketToken",
  "PUT /v1/mmc/control/conferences/participants/mute": "muteParticipant",
  "PUT /v1/mmc/control/conferences/mute": "muteMeeting",
  "POST /v1/mmc/control/conferences/participants/delete": "hangUp",
  "PUT /v1/mmc/control/conferences/participants/name": "renameParticipant",
  "DELETE /v1/mmc/control/conferences/layOut": "deleteLayout",
} as const;

/** Why each operation may (`x-idempotent: true`) or may not be sent again once it may have reached the server. */
export const idempotentReasons: Record<keyof typeof operations, string> = {
  inviteShare: "Sets the invitation's state; sending it twice leaves the same state.",
  createConfToken: "Obtains or renews a token; a second token replaces nothing the first one set.",
  showRealTimeInfoOfMeeting: "Reads only.",
  updateStartedConfConfig: "Sets settings; sending them twice leaves the same settings.",
  createWebSocketToken: "Obtains a single-use token; a second one does not change the meeting.",
  muteParticipant: "Sets the microphone's state; sending it twice leaves the same state.",
  muteMeeting: "Sets the meeting's mute state; sending it twice leaves the same state.",
  hangUp: "Removes participants; a repeat may remove one who has rejoined since.",
  renameParticipant: "Sets a name; sending it twice leaves the same name.",
  deleteLayout: "Deletes one layout by its ID; a second delete leaves it deleted.",
};
