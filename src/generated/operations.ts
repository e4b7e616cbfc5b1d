/**
 * The operation table, each operationId by `METHOD path`, and why each operation may be repeated, generated from openapi.yaml by
 * scripts/generate-operations.ts. Do not make direct changes to the file.
 */

/** The rules an input value is checked by: a subset of JSON Schema, as the spec states them. */
export interface Rule {
  type?: string | readonly string[];
  enum?: readonly unknown[];
  const?: unknown;
  format?: "int32" | "int64" | "password";
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
  inviteParticipant: {"method":"POST","path":"/v1/mmc/control/conferences/participants","idempotent":false,"body":{"required":["attendees"],"additionalProperties":false,"properties":{"attendees":{"type":"array","items":{"type":"object","required":["name","phone","type"],"additionalProperties":false,"properties":{"userUUID":{"type":"string"},"accountId":{"type":"string"},"name":{"type":"string"},"role":{"enum":[0,1]},"phone":{"type":"string"},"phone2":{"type":"string"},"phone3":{"type":"string"},"email":{"type":"string"},"sms":{"type":"string"},"type":{"type":"string"},"deptUUID":{"type":"string"},"deptName":{"type":"string"}}}}}},"facade":[{"method":"conference.inviteParticipants","argument":"attendees"}]},
  hangUp: {"method":"POST","path":"/v1/mmc/control/conferences/participants/delete","idempotent":false,"body":{"required":["bulkHangUpParticipants"],"additionalProperties":false,"properties":{"bulkHangUpParticipants":{"type":"array","items":{"type":"string"}}}},"facade":[{"method":"conference.hangUp","argument":"bulkHangUpParticipants"}]},
  renameParticipant: {"method":"PUT","path":"/v1/mmc/control/conferences/participants/name","idempotent":true,"participantID":"body","body":{"required":["number","newName"],"additionalProperties":false,"properties":{"participantID":{"type":"string"},"number":{"type":"string"},"newName":{"type":"string"}}},"facade":[{"method":"participant.rename"}]},
  deleteAttendees: {"method":"POST","path":"/v1/mmc/control/conferences/attendees/delete","idempotent":false,"body":{"required":["bulkDelAttendInfo"],"additionalProperties":false,"properties":{"bulkDelAttendInfo":{"type":"array","items":{"type":"object","required":["number"],"additionalProperties":false,"properties":{"number":{"type":"string"},"participantID":{"type":"string"}}}}}},"facade":[{"method":"conference.removeAttendees","argument":"bulkDelAttendInfo"}]},
  muteParticipant: {"method":"PUT","path":"/v1/mmc/control/conferences/participants/mute","idempotent":true,"participantID":"query","query":{"properties":{"participantID":{"type":"string","minLength":1}},"required":["participantID"]},"body":{"required":["isMute"],"additionalProperties":false,"properties":{"isMute":{"enum":[0,1]}}},"facade":[{"method":"participant.mute","fixed":{"isMute":1}},{"method":"participant.unmute","fixed":{"isMute":0}}]},
  muteMeeting: {"method":"PUT","path":"/v1/mmc/control/conferences/mute","idempotent":true,"body":{"required":["isMute"],"additionalProperties":false,"properties":{"isMute":{"enum":[0,1]},"allowUnmuteByOneself":{"enum":[0,1]}}},"facade":[{"method":"conference.muteAll","fixed":{"isMute":1}},{"method":"conference.unmuteAll","fixed":{"isMute":0}}]},
  allowGuestUnmute: {"method":"PUT","path":"/v1/mmc/control/conferences/mute/guestUnMute","idempotent":true,"body":{"required":["allowUnmuteByOneself"],"additionalProperties":false,"properties":{"allowUnmuteByOneself":{"enum":[0,1]}}},"facade":[{"method":"conference.allowSelfUnmute","fixed":{"allowUnmuteByOneself":1}},{"method":"conference.forbidSelfUnmute","fixed":{"allowUnmuteByOneself":0}}]},
  inviteOperateVideo: {"method":"PUT","path":"/v1/mmc/control/conferences/participants/video","idempotent":false,"participantID":"query","query":{"properties":{"participantID":{"type":"string","minLength":1}},"required":["participantID"]},"body":{"required":["status"],"additionalProperties":false,"properties":{"status":{"enum":[0,1]}}},"facade":[{"method":"participant.askToStartVideo","fixed":{"status":0}},{"method":"participant.askToStopVideo","fixed":{"status":1}}]},
  setRole: {"method":"PUT","path":"/v1/mmc/control/conferences/participants/role","idempotent":true,"participantID":"query","query":{"properties":{"participantID":{"type":"string","minLength":1}},"required":["participantID"]},"body":{"required":["applyChair"],"additionalProperties":false,"properties":{"applyChair":{"enum":[0,1]},"chairmanPwd":{"type":"string","format":"password"}}},"facade":[{"method":"participant.applyForHost","fixed":{"applyChair":1}},{"method":"participant.releaseHost","fixed":{"applyChair":0}}]},
  setCohost: {"method":"PUT","path":"/v1/mmc/control/conferences/participants/cohost","idempotent":true,"participantID":"query","query":{"properties":{"participantID":{"type":"string","minLength":1}},"required":["participantID"]},"body":{"required":["isCohost"],"additionalProperties":false,"properties":{"isCohost":{"enum":[0,1]}}},"facade":[{"method":"participant.makeCohost","fixed":{"isCohost":1}},{"method":"participant.revokeCohost","fixed":{"isCohost":0}}]},
  hand: {"method":"PUT","path":"/v1/mmc/control/conferences/participants/hands","idempotent":true,"participantID":"query","query":{"properties":{"participantID":{"type":"string","minLength":1}},"required":["participantID"]},"body":{"required":["handsState"],"additionalProperties":false,"properties":{"handsState":{"enum":[0,1]}}},"facade":[{"method":"participant.raiseHand","fixed":{"handsState":1}},{"method":"participant.lowerHand","fixed":{"handsState":0}}]},
  batchHand: {"method":"PUT","path":"/v1/mmc/control/conferences/participants/batch/hands","idempotent":true,"body":{"required":["handsState","pids"],"additionalProperties":false,"properties":{"handsState":{"enum":[0,1]},"pids":{"type":"array","items":{"type":"string"}}}},"facade":[{"method":"conference.raiseHands","fixed":{"handsState":1},"argument":"pids"},{"method":"conference.lowerHands","fixed":{"handsState":0},"argument":"pids"}]},
  rollcallParticipant: {"method":"PUT","path":"/v1/mmc/control/conferences/participants/rollCall","idempotent":true,"participantID":"query","query":{"properties":{"participantID":{"type":"string","minLength":1}},"required":["participantID"]},"facade":[{"method":"participant.rollCall"}]},
  broadcastParticipant: {"method":"PUT","path":"/v1/mmc/control/conferences/participants/broadcast","idempotent":true,"participantID":"query","query":{"properties":{"participantID":{"type":"string","minLength":1}},"required":["participantID"]},"facade":[{"method":"participant.broadcast"}]},
  cancelBroadcast: {"method":"PUT","path":"/v1/mmc/control/conferences/cancelBroadcast","idempotent":true,"facade":[{"method":"conference.cancelBroadcast"}]},
  lockMeeting: {"method":"PUT","path":"/v1/mmc/control/conferences/lock","idempotent":true,"body":{"required":["isLock"],"additionalProperties":false,"properties":{"isLock":{"enum":[0,1]}}},"facade":[{"method":"conference.lock","fixed":{"isLock":1}},{"method":"conference.unlock","fixed":{"isLock":0}}]},
  pauseConference: {"method":"PUT","path":"/v1/mmc/control/conferences/pause","idempotent":true,"body":{"required":["pause"],"additionalProperties":false,"properties":{"pause":{"enum":[0,1]}}},"facade":[{"method":"conference.pause","fixed":{"pause":1}},{"method":"conference.resume","fixed":{"pause":0}}]},
  prolongMeeting: {"method":"PUT","path":"/v1/mmc/control/conferences/duration","idempotent":false,"body":{"required":["auto"],"additionalProperties":false,"properties":{"auto":{"enum":[0,1]},"duration":{"type":"integer","format":"int32"}}},"facade":[{"method":"conference.prolong"}]},
  stopMeeting: {"method":"PUT","path":"/v1/mmc/control/conferences/stop","idempotent":true,"facade":[{"method":"conference.stop"}]},
  allowAudienceJoin: {"method":"PUT","path":"/v1/mmc/control/conferences/allowAudience","idempotent":true,"body":{"required":["allowAudience"],"additionalProperties":false,"properties":{"allowAudience":{"enum":[1]}}},"facade":[{"method":"conference.allowAudience","fixed":{"allowAudience":1}}]},
  allowWaitingParticipant: {"method":"PUT","path":"/v1/mmc/control/conferences/allowWaitingParticipant","idempotent":false,"participantID":"body","body":{"additionalProperties":false,"properties":{"participantID":{"type":"string"},"allowAll":{"type":"boolean"}}},"facade":[{"method":"participant.admit","fixed":{"allowAll":false}},{"method":"conference.admitAll","fixed":{"allowAll":true},"only":1}]},
  moveToWaitingRoom: {"method":"PUT","path":"/v1/mmc/control/conferences/moveToWaitingRoom","idempotent":true,"participantID":"body","body":{"required":["participantID"],"additionalProperties":false,"properties":{"participantID":{"type":"string"}}},"facade":[{"method":"participant.moveToWaitingRoom"}]},
  batchMoveToWaitingRoom: {"method":"PUT","path":"/v1/mmc/control/conferences/batchMoveToWaitingRoom","idempotent":true,"body":{"required":["batchParticipants"],"additionalProperties":false,"properties":{"batchParticipants":{"type":"array","items":{"type":"string"}}}},"facade":[{"method":"conference.moveToWaitingRoom","argument":"batchParticipants"}]},
  record: {"method":"PUT","path":"/v1/mmc/control/conferences/record","idempotent":true,"body":{"required":["isRecord"],"additionalProperties":false,"properties":{"isRecord":{"enum":[0,1]}}},"facade":[{"method":"conference.startRecording","fixed":{"isRecord":1}},{"method":"conference.stopRecording","fixed":{"isRecord":0}}]},
  live: {"method":"PUT","path":"/v1/mmc/control/conferences/live","idempotent":true,"body":{"required":["isLive"],"additionalProperties":false,"properties":{"isLive":{"enum":[0,1]}}},"facade":[{"method":"conference.startLive","fixed":{"isLive":1}},{"method":"conference.stopLive","fixed":{"isLive":0}}]},
  setMmrRecord: {"method":"PUT","path":"/v1/mmc/control/conferences/mmrRecord","idempotent":true,"body":{"required":["recordType"],"additionalProperties":false,"properties":{"recordType":{"enum":[0,1,2]}}},"facade":[{"method":"conference.startMmrRecording","fixed":{"recordType":1}},{"method":"conference.pauseMmrRecording","fixed":{"recordType":0}},{"method":"conference.stopMmrRecording","fixed":{"recordType":2}}]},
  setMmrLive: {"method":"PUT","path":"/v1/mmc/control/conferences/mmrLive","idempotent":true,"body":{"required":["liveState"],"additionalProperties":false,"properties":{"liveState":{"enum":[0,1]}}},"facade":[{"method":"conference.startMmrLive","fixed":{"liveState":1}},{"method":"conference.stopMmrLive","fixed":{"liveState":0}}]},
  allowClientRecord: {"method":"PUT","path":"/v1/mmc/control/conferences/allowClientRecord","idempotent":true,"participantID":"query","query":{"properties":{"participantID":{"type":"string","minLength":1}},"required":["participantID"]},"body":{"required":["allowClientRecord"],"additionalProperties":false,"properties":{"allowClientRecord":{"enum":[0,1]}}},"facade":[{"method":"participant.allowLocalRecording","fixed":{"allowClientRecord":1}},{"method":"participant.revokeLocalRecording","fixed":{"allowClientRecord":0}}]},
  setMultiPicture: {"method":"PUT","path":"/v1/mmc/control/conferences/display/multiPicture","idempotent":true,"body":{"required":["manualSet"],"additionalProperties":false,"properties":{"manualSet":{"enum":[0,1]},"imageType":{"enum":["Single","Two","Three","Four","Six","Nine","Sixteen"]},"subscriberInPics":{"type":"array","items":{"type":"object","required":["index"],"additionalProperties":false,"properties":{"index":{"type":"integer","format":"int32"},"subscriber":{"type":"array","items":{"type":"string"}},"isAssistStream":{"enum":[0,1]}}}},"switchTime":{"type":"integer","format":"int32"}}},"facade":[{"method":"conference.setMultiPicture"}]},
  setCustomMultiPicture: {"method":"PUT","path":"/v1/mmc/control/conferences/display/customMultiPicture","idempotent":true,"body":{"required":["manualSet"],"additionalProperties":false,"properties":{"manualSet":{"enum":[0,1]},"picLayoutInfo":{"type":"object","additionalProperties":false,"properties":{"x":{"type":"integer","format":"int32"},"y":{"type":"integer","format":"int32"},"subPicLayoutInfoList":{"type":"array","items":{"type":"object","additionalProperties":false,"properties":{"id":{"type":"integer","format":"int32"},"left":{"type":"integer","format":"int32"},"top":{"type":"integer","format":"int32"},"xSize":{"type":"integer","format":"int32"},"ySize":{"type":"integer","format":"int32"}}}}}},"imageType":{"enum":["Single","Two","Three","Three-2","Three-3","Three-4","Four","Four-2","Four-3","Five","Five-2","Six","Six-2","Six-3","Six-4","Six-5","Seven","Seven-2","Seven-3","Seven-4","Eight","Eight-2","Eight-3","Eight-4","Nine","Ten","Ten-2","Ten-3","Ten-4","Ten-5","Ten-6","Thirteen","Thirteen-2","Thirteen-3","Thirteen-4","Thirteen-5","Sixteen","Seventeen","Twenty-Five"]},"subscriberInPics":{"type":"array","items":{"type":"object","additionalProperties":false,"properties":{"index":{"type":"integer","format":"int32"},"subscriber":{"type":"array","items":{"type":"string"}},"isAssistStream":{"enum":[0,1]}}}},"switchTime":{"type":"integer","format":"int32"},"multiPicSaveOnly":{"type":"boolean"}}},"facade":[{"method":"conference.setCustomMultiPicture"}]},
  switchMode: {"method":"PUT","path":"/v1/mmc/control/conferences/display/mode","idempotent":true,"body":{"required":["switchMode","imageType"],"additionalProperties":false,"properties":{"switchMode":{"enum":["Fixed","VAS"]},"imageType":{"enum":[0,1]}}},"facade":[{"method":"conference.switchMode"}]},
  setHostView: {"method":"PUT","path":"/v1/mmc/control/conferences/chairView","idempotent":true,"participantID":"body","body":{"required":["viewType"],"additionalProperties":false,"properties":{"viewType":{"enum":[0,1,2]},"participantID":{"type":"string"},"switchTime":{"type":"integer","format":"int32"},"status":{"enum":[0,1]}}},"facade":[{"method":"conference.setHostView"}]},
  setParticipantView: {"method":"PUT","path":"/v1/mmc/control/conferences/partView","idempotent":true,"participantID":"query","query":{"properties":{"participantID":{"type":"string","minLength":1}},"required":["participantID"]},"body":{"required":["viewType","participantID"],"additionalProperties":false,"properties":{"viewType":{"enum":[2]},"participantID":{"type":"string"}}},"facade":[{"method":"participant.view","fixed":{"viewType":2},"argument":"participantID"}]},
  lockView: {"method":"PUT","path":"/v1/mmc/control/conferences/lockView","idempotent":true,"participantID":"query","query":{"properties":{"participantID":{"type":"string","minLength":1}},"required":["participantID"]},"body":{"required":["status","participantID"],"additionalProperties":false,"properties":{"status":{"enum":[0,1]},"participantID":{"type":"string"}}},"facade":[{"method":"participant.lockView","fixed":{"status":1},"argument":"participantID"},{"method":"participant.unlockView","fixed":{"status":0},"argument":"participantID"}]},
  showLayout: {"method":"GET","path":"/v1/mmc/control/conferences/layOut","idempotent":true,"answer":1,"facade":[{"method":"conference.layouts"}]},
  saveLayout: {"method":"PUT","path":"/v1/mmc/control/conferences/layOut","idempotent":false,"body":{"additionalProperties":false,"properties":{"restPicLayout":{"type":"object","additionalProperties":false,"properties":{"switchTime":{"type":"integer","format":"int32"},"picNum":{"type":"integer","format":"int32"},"layOutName":{"type":"string"},"imageType":{"type":"string"},"uuid":{"type":"string"},"subscriberInPics":{"type":"array","items":{"type":"object","additionalProperties":false,"properties":{"index":{"type":"integer","format":"int32"},"id":{"type":"array","items":{"type":"string"}},"share":{"enum":[0,1]}}}}}}}},"facade":[{"method":"conference.saveLayout","argument":"restPicLayout"}]},
  deleteLayout: {"method":"DELETE","path":"/v1/mmc/control/conferences/layOut","idempotent":true,"query":{"properties":{"uuID":{"type":"string","minLength":1}},"required":["uuID"]},"facade":[{"method":"conference.deleteLayout","argument":"uuID"}]},
  setInterpreterGroup: {"method":"PUT","path":"/v1/mmc/control/conferences/interpreterGroup","idempotent":true,"body":{"required":["interpreterGroups"],"additionalProperties":false,"properties":{"interpreterGroups":{"type":"array","items":{"type":"object","required":["groupID","firstLanguage","secondLanguage"],"additionalProperties":false,"properties":{"groupID":{"type":"string"},"groupName":{"type":"string"},"groupType":{"enum":["MANUAL","AI"]},"firstLanguage":{"type":"string"},"secondLanguage":{"type":"string"},"interpreters":{"type":"array","items":{"type":"object","required":["loginAccount"],"additionalProperties":false,"properties":{"loginAccount":{"type":"string"},"userID":{"type":"string"},"callNumber":{"type":"string"},"name":{"type":"string"},"interpreterId":{"type":"string"},"interpreterType":{"enum":["MANUAL","AI"]},"aiDigitalInfo":{"type":"object","additionalProperties":false,"properties":{"type":{"enum":["PUBLIC","PRIVATE","LOCAL"]},"digitalAccount":{"type":"string"},"digitalName":{"type":"string"},"presenterAccount":{"type":"string"},"presenterRealNameAccount":{"type":"string"},"presenterName":{"type":"string"},"presenterUserID":{"type":"string"},"localConfId":{"type":"string"},"localConfAddr":{"type":"string"},"localAuthInfo":{"type":"string"},"localNeedProxy":{"type":"boolean"},"localAuthUrl":{"type":"string"},"localAuthAppId":{"type":"string"}}}}}}}}}}},"facade":[{"method":"conference.setInterpreterGroups","argument":"interpreterGroups"}]},
  resumeSimultaneousInterpretation: {"method":"PUT","path":"/v1/mmc/control/conferences/simultaneousInterpretation","idempotent":true,"body":{"required":["simultaneousInterpretation"],"additionalProperties":false,"properties":{"simultaneousInterpretation":{"enum":[0,1]}}},"facade":[{"method":"conference.startInterpretation","fixed":{"simultaneousInterpretation":1}},{"method":"conference.stopInterpretation","fixed":{"simultaneousInterpretation":0}}]},
  setAttendeeLanChannel: {"method":"PUT","path":"/v1/mmc/control/conferences/setAttendeeLanChannel","idempotent":true,"body":{"required":["listenLanChannel","speakLanChannel"],"additionalProperties":false,"properties":{"participantIDs":{"type":"array","items":{"type":"string"}},"listenLanChannel":{"type":"string"},"speakLanChannel":{"type":"string"},"includeOriginalVoice":{"enum":[0,1]}}},"facade":[{"method":"conference.setLanguageChannels"}]},
} as const satisfies Record<string, Operation>;

/** Each operationId by `METHOD path`, for every operation of the spec. */
export const operationIds = {
  "PUT /v1/mmc/control/conferences/participants/share/invite": "inviteShare",
  "GET /v1/mmc/control/conferences/token": "createConfToken",
  "GET /v1/mmc/control/conferences/realTimeInfo": "showRealTimeInfoOfMeeting",
  "PUT /v1/mmc/control/conferences/updateStartedConfConfig": "updateStartedConfConfig",
  "GET /v1/mmc/control/conferences/wsToken": "createWebSocketToken",
  "POST /v1/mmc/control/conferences/participants": "inviteParticipant",
  "POST /v1/mmc/control/conferences/participants/delete": "hangUp",
  "PUT /v1/mmc/control/conferences/participants/name": "renameParticipant",
  "POST /v1/mmc/control/conferences/attendees/delete": "deleteAttendees",
  "PUT /v1/mmc/control/conferences/participants/mute": "muteParticipant",
  "PUT /v1/mmc/control/conferences/mute": "muteMeeting",
  "PUT /v1/mmc/control/conferences/mute/guestUnMute": "allowGuestUnmute",
  "PUT /v1/mmc/control/conferences/participants/video": "inviteOperateVideo",
  "PUT /v1/mmc/control/conferences/participants/role": "setRole",
  "PUT /v1/mmc/control/conferences/participants/cohost": "setCohost",
  "PUT /v1/mmc/control/conferences/participants/hands": "hand",
  "PUT /v1/mmc/control/conferences/participants/batch/hands": "batchHand",
  "PUT /v1/mmc/control/conferences/participants/rollCall": "rollcallParticipant",
  "PUT /v1/mmc/control/conferences/participants/broadcast": "broadcastParticipant",
  "PUT /v1/mmc/control/conferences/cancelBroadcast": "cancelBroadcast",
  "PUT /v1/mmc/control/conferences/lock": "lockMeeting",
  "PUT /v1/mmc/control/conferences/pause": "pauseConference",
  "PUT /v1/mmc/control/conferences/duration": "prolongMeeting",
  "PUT /v1/mmc/control/conferences/stop": "stopMeeting",
  "PUT /v1/mmc/control/conferences/allowAudience": "allowAudienceJoin",
  "PUT /v1/mmc/control/conferences/allowWaitingParticipant": "allowWaitingParticipant",
  "PUT /v1/mmc/control/conferences/moveToWaitingRoom": "moveToWaitingRoom",
  "PUT /v1/mmc/control/conferences/batchMoveToWaitingRoom": "batchMoveToWaitingRoom",
  "PUT /v1/mmc/control/conferences/record": "record",
  "PUT /v1/mmc/control/conferences/live": "live",
  "PUT /v1/mmc/control/conferences/mmrRecord": "setMmrRecord",
  "PUT /v1/mmc/control/conferences/mmrLive": "setMmrLive",
  "PUT /v1/mmc/control/conferences/allowClientRecord": "allowClientRecord",
  "PUT /v1/mmc/control/conferences/display/multiPicture": "setMultiPicture",
  "PUT /v1/mmc/control/conferences/display/customMultiPicture": "setCustomMultiPicture",
  "PUT /v1/mmc/control/conferences/display/mode": "switchMode",
  "PUT /v1/mmc/control/conferences/chairView": "setHostView",
  "PUT /v1/mmc/control/conferences/partView": "setParticipantView",
  "PUT /v1/mmc/control/conferences/lockView": "lockView",
  "GET /v1/mmc/control/conferences/layOut": "showLayout",
  "PUT /v1/mmc/control/conferences/layOut": "saveLayout",
  "DELETE /v1/mmc/control/conferences/layOut": "deleteLayout",
  "PUT /v1/mmc/control/conferences/interpreterGroup": "setInterpreterGroup",
  "PUT /v1/mmc/control/conferences/simultaneousInterpretation": "resumeSimultaneousInterpretation",
  "PUT /v1/mmc/control/conferences/setAttendeeLanChannel": "setAttendeeLanChannel",
} as const;

/** Why each operation may (`x-idempotent: true`) or may not be sent again once it may have reached the server. */
export const idempotentReasons: Record<keyof typeof operations, string> = {
  inviteShare: "Sets a state; sending it twice leaves the same state.",
  createConfToken: "Issues a token and changes no meeting state; a repeat issues another valid token.",
  showRealTimeInfoOfMeeting: "Reads only.",
  updateStartedConfConfig: "Sets the settings sent; sending them twice leaves the same settings.",
  createWebSocketToken: "Issues a single-use token and changes no meeting state; a repeat issues another.",
  inviteParticipant: "Places calls: a repeat calls the attendees again.",
  hangUp: "Ends calls: a repeat may hang up a participant who has rejoined meanwhile.",
  renameParticipant: "Sets a state; sending it twice leaves the same state.",
  deleteAttendees: "Deletes entries: a repeat may delete an attendee invited again meanwhile.",
  muteParticipant: "Sets a state; sending it twice leaves the same state.",
  muteMeeting: "Sets a state; sending it twice leaves the same state.",
  allowGuestUnmute: "Sets a state; sending it twice leaves the same state.",
  inviteOperateVideo: "A request to the participant: a repeat may ask them twice.",
  setRole: "Sets a state; sending it twice leaves the same state.",
  setCohost: "Sets a state; sending it twice leaves the same state.",
  hand: "Sets a state; sending it twice leaves the same state.",
  batchHand: "Sets a state; sending it twice leaves the same state.",
  rollcallParticipant: "Sets who is roll-called; a repeat leaves the same participant roll-called.",
  broadcastParticipant: "Sets who is broadcast; a repeat leaves the same participant broadcast.",
  cancelBroadcast: "Ends a state; a repeat finds nothing broadcast.",
  lockMeeting: "Sets a state; sending it twice leaves the same state.",
  pauseConference: "Sets a state; sending it twice leaves the same state.",
  prolongMeeting: "Adds time: a repeat extends the meeting again.",
  stopMeeting: "Ends the meeting; a repeat finds it ended and changes nothing (it may answer an error).",
  allowAudienceJoin: "Sets a state; sending it twice leaves the same state.",
  allowWaitingParticipant: "Admitting everyone admits whoever waits at the time: a repeat may admit people who arrived after the first.",
  moveToWaitingRoom: "Sets a state; sending it twice leaves the same state.",
  batchMoveToWaitingRoom: "Sets a state; sending it twice leaves the same state.",
  record: "Sets a state; sending it twice leaves the same state.",
  live: "Sets a state; sending it twice leaves the same state.",
  setMmrRecord: "Sets a state; sending it twice leaves the same state.",
  setMmrLive: "Sets a state; sending it twice leaves the same state.",
  allowClientRecord: "Sets a state; sending it twice leaves the same state.",
  setMultiPicture: "Sets a state; sending it twice leaves the same state.",
  setCustomMultiPicture: "Sets a state; sending it twice leaves the same state.",
  switchMode: "Sets a state; sending it twice leaves the same state.",
  setHostView: "Sets a state; sending it twice leaves the same state.",
  setParticipantView: "Sets a state; sending it twice leaves the same state.",
  lockView: "Sets a state; sending it twice leaves the same state.",
  showLayout: "Reads only.",
  saveLayout: "A layout without a uuid may be saved as a new one: a repeat could save it twice.",
  deleteLayout: "Deletes one layout by its UUID; a repeat finds it gone.",
  setInterpreterGroup: "Sets the groups as given; a repeat leaves the same groups.",
  resumeSimultaneousInterpretation: "Sets a state; sending it twice leaves the same state.",
  setAttendeeLanChannel: "Sets a state; sending it twice leaves the same state.",
};
