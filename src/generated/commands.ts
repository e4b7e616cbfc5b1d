/**
 * The CLI's commands, one per facade method, generated from openapi.yaml by
 * scripts/generate-operations.ts. Do not make direct changes to the file.
 */

import type { GeneratedCommand } from "../cli/command.js";

export type { CommandFlag, GeneratedCommand } from "../cli/command.js";

export const commands: GeneratedCommand[] = [
  {
    "command": "invite-to-share",
    "method": "participant.inviteToShare",
    "operationId": "inviteShare",
    "summary": "Invites the participant to share their screen.",
    "flags": []
  },
  {
    "command": "cancel-share-invitation",
    "method": "participant.cancelShareInvitation",
    "operationId": "inviteShare",
    "summary": "Cancels the invitation to share a screen.",
    "flags": []
  },
  {
    "command": "real-time-info",
    "method": "conference.realTimeInfo",
    "operationId": "showRealTimeInfoOfMeeting",
    "summary": "Reads the meeting's attendees, online participants and state.",
    "answer": true,
    "flags": []
  },
  {
    "command": "update-settings",
    "method": "conference.updateSettings",
    "operationId": "updateStartedConfConfig",
    "summary": "Changes the ongoing meeting's settings; those left out stay as they are.",
    "input": "settings",
    "flags": [
      {
        "flag": "lock-sharing",
        "field": "lockSharing",
        "type": "integer",
        "describe": "Sharing lock (0, 1)"
      },
      {
        "flag": "free-share",
        "field": "freeShare",
        "type": "integer",
        "describe": "Who may take over a share in progress (0, 1)"
      },
      {
        "flag": "is-lock",
        "field": "isLock",
        "type": "integer",
        "describe": "Meeting lock (0, 1)"
      },
      {
        "flag": "call-in-restriction",
        "field": "callInRestriction",
        "type": "integer",
        "describe": "Who may join the meeting (0, 2, 3)"
      },
      {
        "flag": "audience-call-in-restriction",
        "field": "audienceCallInRestriction",
        "type": "integer",
        "describe": "Who may join a webinar as audience (0, 2)"
      },
      {
        "flag": "allow-unmute-by-oneself",
        "field": "allowUnmuteByOneself",
        "type": "integer",
        "describe": "Whether participants may unmute themselves (the vendor's default: allowed) (0, 1)"
      },
      {
        "flag": "chat-permission",
        "field": "chatPermission",
        "type": "integer",
        "describe": "Chat permission (1, 2, 3, 4)"
      },
      {
        "flag": "allow-open-camera",
        "field": "allowOpenCamera",
        "type": "integer",
        "describe": "Whether participants may turn on their own camera (0, 1)"
      },
      {
        "flag": "allow-rename",
        "field": "allowRename",
        "type": "integer",
        "describe": "Whether participants may rename themselves (0, 1)"
      },
      {
        "flag": "client-rec-mode",
        "field": "clientRecMode",
        "type": "integer",
        "describe": "Who may record locally on their client (the vendor's default: only the host)"
      }
    ]
  },
  {
    "command": "lock-sharing",
    "method": "conference.lockSharing",
    "operationId": "updateStartedConfConfig",
    "summary": "Locks sharing, so that only the host may share.",
    "flags": []
  },
  {
    "command": "unlock-sharing",
    "method": "conference.unlockSharing",
    "operationId": "updateStartedConfConfig",
    "summary": "Unlocks sharing, so that participants may share again.",
    "flags": []
  },
  {
    "command": "invite-participants",
    "method": "conference.inviteParticipants",
    "operationId": "inviteParticipant",
    "summary": "Calls the given attendees into the meeting.",
    "argument": "attendees",
    "flags": [
      {
        "flag": "attendees",
        "field": "attendees",
        "type": "array",
        "describe": "The attendees to invite",
        "required": true,
        "json": true
      }
    ]
  },
  {
    "command": "hang-up",
    "method": "conference.hangUp",
    "operationId": "hangUp",
    "summary": "Hangs up the given participants (by participant ID).",
    "argument": "bulkHangUpParticipants",
    "flags": [
      {
        "flag": "bulk-hang-up-participants",
        "field": "bulkHangUpParticipants",
        "type": "string",
        "describe": "The participants to hang up, by participant ID",
        "required": true,
        "list": true
      }
    ]
  },
  {
    "command": "rename",
    "method": "participant.rename",
    "operationId": "renameParticipant",
    "summary": "Renames the participant.",
    "flags": [
      {
        "flag": "number",
        "field": "number",
        "type": "string",
        "describe": "The participant's number",
        "required": true
      },
      {
        "flag": "new-name",
        "field": "newName",
        "type": "string",
        "describe": "The new name",
        "required": true
      }
    ]
  },
  {
    "command": "remove-attendees",
    "method": "conference.removeAttendees",
    "operationId": "deleteAttendees",
    "summary": "Deletes the given attendees from the attendee list.",
    "argument": "bulkDelAttendInfo",
    "flags": [
      {
        "flag": "bulk-del-attend-info",
        "field": "bulkDelAttendInfo",
        "type": "array",
        "describe": "The attendees (sites) to delete",
        "required": true,
        "json": true
      }
    ]
  },
  {
    "command": "mute",
    "method": "participant.mute",
    "operationId": "muteParticipant",
    "summary": "Mutes the participant's microphone.",
    "flags": []
  },
  {
    "command": "unmute",
    "method": "participant.unmute",
    "operationId": "muteParticipant",
    "summary": "Unmutes the participant's microphone.",
    "flags": []
  },
  {
    "command": "mute-all",
    "method": "conference.muteAll",
    "operationId": "muteMeeting",
    "summary": "Mutes every participant's microphone.",
    "flags": [
      {
        "flag": "allow-unmute-by-oneself",
        "field": "allowUnmuteByOneself",
        "type": "integer",
        "describe": "Whether participants may unmute themselves; it applies only when muting (the vendor's default: allowed) (0, 1)"
      }
    ]
  },
  {
    "command": "unmute-all",
    "method": "conference.unmuteAll",
    "operationId": "muteMeeting",
    "summary": "Unmutes every participant's microphone.",
    "flags": [
      {
        "flag": "allow-unmute-by-oneself",
        "field": "allowUnmuteByOneself",
        "type": "integer",
        "describe": "Whether participants may unmute themselves; it applies only when muting (the vendor's default: allowed) (0, 1)"
      }
    ]
  },
  {
    "command": "allow-self-unmute",
    "method": "conference.allowSelfUnmute",
    "operationId": "allowGuestUnmute",
    "summary": "Lets muted participants unmute themselves.",
    "flags": []
  },
  {
    "command": "forbid-self-unmute",
    "method": "conference.forbidSelfUnmute",
    "operationId": "allowGuestUnmute",
    "summary": "Stops muted participants from unmuting themselves.",
    "flags": []
  },
  {
    "command": "ask-to-start-video",
    "method": "participant.askToStartVideo",
    "operationId": "inviteOperateVideo",
    "summary": "Asks the participant to turn their camera on.",
    "flags": []
  },
  {
    "command": "ask-to-stop-video",
    "method": "participant.askToStopVideo",
    "operationId": "inviteOperateVideo",
    "summary": "Asks the participant to turn their camera off.",
    "flags": []
  },
  {
    "command": "apply-for-host",
    "method": "participant.applyForHost",
    "operationId": "setRole",
    "summary": "Applies for the host role for this participant, the caller, with the host password.",
    "flags": [
      {
        "flag": "chairman-pwd",
        "field": "chairmanPwd",
        "type": "string",
        "describe": "The host password, sent when applying for the host role"
      }
    ]
  },
  {
    "command": "release-host",
    "method": "participant.releaseHost",
    "operationId": "setRole",
    "summary": "Releases the host role this participant, the caller, holds.",
    "flags": [
      {
        "flag": "chairman-pwd",
        "field": "chairmanPwd",
        "type": "string",
        "describe": "The host password, sent when applying for the host role"
      }
    ]
  },
  {
    "command": "make-cohost",
    "method": "participant.makeCohost",
    "operationId": "setCohost",
    "summary": "Makes the participant a co-host.",
    "flags": []
  },
  {
    "command": "revoke-cohost",
    "method": "participant.revokeCohost",
    "operationId": "setCohost",
    "summary": "Revokes the participant's co-host role.",
    "flags": []
  },
  {
    "command": "raise-hand",
    "method": "participant.raiseHand",
    "operationId": "hand",
    "summary": "Raises the participant's hand.",
    "flags": []
  },
  {
    "command": "lower-hand",
    "method": "participant.lowerHand",
    "operationId": "hand",
    "summary": "Lowers the participant's hand.",
    "flags": []
  },
  {
    "command": "raise-hands",
    "method": "conference.raiseHands",
    "operationId": "batchHand",
    "summary": "Raises the hands of the given participants (by participant ID).",
    "argument": "pids",
    "flags": [
      {
        "flag": "pids",
        "field": "pids",
        "type": "string",
        "describe": "The participants, by participant ID",
        "required": true,
        "list": true
      }
    ]
  },
  {
    "command": "lower-hands",
    "method": "conference.lowerHands",
    "operationId": "batchHand",
    "summary": "Lowers the hands of the given participants (by participant ID).",
    "argument": "pids",
    "flags": [
      {
        "flag": "pids",
        "field": "pids",
        "type": "string",
        "describe": "The participants, by participant ID",
        "required": true,
        "list": true
      }
    ]
  },
  {
    "command": "roll-call",
    "method": "participant.rollCall",
    "operationId": "rollcallParticipant",
    "summary": "Gives the participant the floor (roll call).",
    "flags": []
  },
  {
    "command": "broadcast",
    "method": "participant.broadcast",
    "operationId": "broadcastParticipant",
    "summary": "Broadcasts the participant: everyone sees them.",
    "flags": []
  },
  {
    "command": "cancel-broadcast",
    "method": "conference.cancelBroadcast",
    "operationId": "cancelBroadcast",
    "summary": "Cancels broadcasting a participant.",
    "flags": []
  },
  {
    "command": "lock",
    "method": "conference.lock",
    "operationId": "lockMeeting",
    "summary": "Locks the meeting: nobody new may join.",
    "flags": []
  },
  {
    "command": "unlock",
    "method": "conference.unlock",
    "operationId": "lockMeeting",
    "summary": "Unlocks the meeting.",
    "flags": []
  },
  {
    "command": "pause",
    "method": "conference.pause",
    "operationId": "pauseConference",
    "summary": "Pauses the meeting.",
    "flags": []
  },
  {
    "command": "resume",
    "method": "conference.resume",
    "operationId": "pauseConference",
    "summary": "Resumes a paused meeting.",
    "flags": []
  },
  {
    "command": "prolong",
    "method": "conference.prolong",
    "operationId": "prolongMeeting",
    "summary": "Extends the meeting.",
    "flags": [
      {
        "flag": "auto",
        "field": "auto",
        "type": "integer",
        "describe": "How the meeting is extended (0, 1)",
        "required": true
      },
      {
        "flag": "duration",
        "field": "duration",
        "type": "integer",
        "describe": "How long to extend the meeting, in minutes (the vendor's default is 15)"
      }
    ]
  },
  {
    "command": "stop",
    "method": "conference.stop",
    "operationId": "stopMeeting",
    "summary": "Ends the meeting for everyone.",
    "flags": []
  },
  {
    "command": "allow-audience",
    "method": "conference.allowAudience",
    "operationId": "allowAudienceJoin",
    "summary": "Lets the webinar's audience join.",
    "flags": []
  },
  {
    "command": "admit",
    "method": "participant.admit",
    "operationId": "allowWaitingParticipant",
    "summary": "Admits this member of the waiting room.",
    "flags": []
  },
  {
    "command": "admit-all",
    "method": "conference.admitAll",
    "operationId": "allowWaitingParticipant",
    "summary": "Admits everyone in the waiting room.",
    "flags": []
  },
  {
    "command": "participant-move-to-waiting-room",
    "method": "participant.moveToWaitingRoom",
    "operationId": "moveToWaitingRoom",
    "summary": "Moves the participant to the waiting room.",
    "flags": []
  },
  {
    "command": "conference-move-to-waiting-room",
    "method": "conference.moveToWaitingRoom",
    "operationId": "batchMoveToWaitingRoom",
    "summary": "Moves the given participants (by participant ID) to the waiting room.",
    "argument": "batchParticipants",
    "flags": [
      {
        "flag": "batch-participants",
        "field": "batchParticipants",
        "type": "string",
        "describe": "Every participant to move, by participant ID (pid)",
        "required": true,
        "list": true
      }
    ]
  },
  {
    "command": "start-recording",
    "method": "conference.startRecording",
    "operationId": "record",
    "summary": "Starts recording the meeting in the cloud.",
    "flags": []
  },
  {
    "command": "stop-recording",
    "method": "conference.stopRecording",
    "operationId": "record",
    "summary": "Stops recording the meeting in the cloud.",
    "flags": []
  },
  {
    "command": "start-live",
    "method": "conference.startLive",
    "operationId": "live",
    "summary": "Starts live streaming the meeting.",
    "flags": []
  },
  {
    "command": "stop-live",
    "method": "conference.stopLive",
    "operationId": "live",
    "summary": "Stops live streaming the meeting.",
    "flags": []
  },
  {
    "command": "start-mmr-recording",
    "method": "conference.startMmrRecording",
    "operationId": "setMmrRecord",
    "summary": "Starts recording the MMR meeting.",
    "flags": []
  },
  {
    "command": "pause-mmr-recording",
    "method": "conference.pauseMmrRecording",
    "operationId": "setMmrRecord",
    "summary": "Pauses recording the MMR meeting.",
    "flags": []
  },
  {
    "command": "stop-mmr-recording",
    "method": "conference.stopMmrRecording",
    "operationId": "setMmrRecord",
    "summary": "Stops recording the MMR meeting.",
    "flags": []
  },
  {
    "command": "start-mmr-live",
    "method": "conference.startMmrLive",
    "operationId": "setMmrLive",
    "summary": "Starts live streaming the MMR meeting.",
    "flags": []
  },
  {
    "command": "stop-mmr-live",
    "method": "conference.stopMmrLive",
    "operationId": "setMmrLive",
    "summary": "Stops live streaming the MMR meeting.",
    "flags": []
  },
  {
    "command": "allow-local-recording",
    "method": "participant.allowLocalRecording",
    "operationId": "allowClientRecord",
    "summary": "Lets the participant record locally on their client.",
    "flags": []
  },
  {
    "command": "revoke-local-recording",
    "method": "participant.revokeLocalRecording",
    "operationId": "allowClientRecord",
    "summary": "Revokes the participant's permission to record locally.",
    "flags": []
  },
  {
    "command": "set-multi-picture",
    "method": "conference.setMultiPicture",
    "operationId": "setMultiPicture",
    "summary": "Sets the multi-picture layout.",
    "flags": [
      {
        "flag": "manual-set",
        "field": "manualSet",
        "type": "integer",
        "describe": "Whether the multi-picture layout is set by hand (0, 1)",
        "required": true
      },
      {
        "flag": "image-type",
        "field": "imageType",
        "type": "string",
        "describe": "Number of pictures; effective when set by hand (Single, Two, Three, Four, Six, Nine, Sixteen)"
      },
      {
        "flag": "subscriber-in-pics",
        "field": "subscriberInPics",
        "type": "array",
        "describe": "The sub-pictures; required when set by hand",
        "json": true
      },
      {
        "flag": "switch-time",
        "field": "switchTime",
        "type": "integer",
        "describe": "Polling interval in seconds; effective when a sub-picture holds several participants"
      }
    ]
  },
  {
    "command": "set-custom-multi-picture",
    "method": "conference.setCustomMultiPicture",
    "operationId": "setCustomMultiPicture",
    "summary": "Sets a custom multi-picture layout.",
    "flags": [
      {
        "flag": "manual-set",
        "field": "manualSet",
        "type": "integer",
        "describe": "Whether the multi-picture layout is set by hand (0, 1)",
        "required": true
      },
      {
        "flag": "pic-layout-info",
        "field": "picLayoutInfo",
        "type": "object",
        "describe": "The grid of a custom layout",
        "json": true
      },
      {
        "flag": "image-type",
        "field": "imageType",
        "type": "string",
        "describe": "Picture type; effective when set by hand (Single, Two, Three, Three-2, Three-3, Three-4, Four, Four-2, Four-3, Five, Five-2, Six, Six-2, Six-3, Six-4, Six-5, Seven, Seven-2, Seven-3, Seven-4, Eight, Eight-2, Eight-3, Eight-4, Nine, Ten, Ten-2, Ten-3, Ten-4, Ten-5, Ten-6, Thirteen, Thirteen-2, Thirteen-3, Thirteen-4, Thirteen-5, Sixteen, Seventeen, Twenty-Five)"
      },
      {
        "flag": "subscriber-in-pics",
        "field": "subscriberInPics",
        "type": "array",
        "describe": "The sub-pictures; required when set by hand",
        "json": true
      },
      {
        "flag": "switch-time",
        "field": "switchTime",
        "type": "integer",
        "describe": "Polling interval in seconds, 10 to 120 (the vendor's default: 10); effective when a sub-picture holds several participants, and only on professional meeting terminals, not on software clients"
      },
      {
        "flag": "multi-pic-save-only",
        "field": "multiPicSaveOnly",
        "type": "boolean",
        "describe": "Whether the layout is only saved"
      }
    ]
  },
  {
    "command": "switch-mode",
    "method": "conference.switchMode",
    "operationId": "switchMode",
    "summary": "Switches the meeting's display policy.",
    "flags": [
      {
        "flag": "switch-mode",
        "field": "switchMode",
        "type": "string",
        "describe": "Display policy (Fixed, VAS)",
        "required": true
      },
      {
        "flag": "image-type",
        "field": "imageType",
        "type": "integer",
        "describe": "Picture type; a single picture applies only to voice-activated switching (0, 1)",
        "required": true
      }
    ]
  },
  {
    "command": "set-host-view",
    "method": "conference.setHostView",
    "operationId": "setHostView",
    "summary": "Sets what the host views.",
    "flags": [
      {
        "flag": "view-type",
        "field": "viewType",
        "type": "integer",
        "describe": "What the host views (0, 1, 2)",
        "required": true
      },
      {
        "flag": "participant-id",
        "field": "participantID",
        "type": "string",
        "describe": "The site the host views; required when viewType is 2"
      },
      {
        "flag": "switch-time",
        "field": "switchTime",
        "type": "integer",
        "describe": "Polling interval in seconds, 10 to 120 (10 by the vendor's default); required when the host polls"
      },
      {
        "flag": "status",
        "field": "status",
        "type": "integer",
        "describe": "Start or stop polling; required when the host polls (0, 1)"
      }
    ]
  },
  {
    "command": "view",
    "method": "participant.view",
    "operationId": "setParticipantView",
    "summary": "Makes this professional meeting terminal view the given participant.",
    "argument": "participantID",
    "flags": [
      {
        "flag": "participant-id",
        "field": "participantID",
        "type": "string",
        "describe": "The participant to view",
        "required": true
      }
    ]
  },
  {
    "command": "lock-view",
    "method": "participant.lockView",
    "operationId": "lockView",
    "summary": "Locks this terminal's view on the given participant's video.",
    "argument": "participantID",
    "flags": [
      {
        "flag": "participant-id",
        "field": "participantID",
        "type": "string",
        "describe": "The participant whose video is the locked source",
        "required": true
      }
    ]
  },
  {
    "command": "unlock-view",
    "method": "participant.unlockView",
    "operationId": "lockView",
    "summary": "Unlocks this terminal's view of the given participant's video.",
    "argument": "participantID",
    "flags": [
      {
        "flag": "participant-id",
        "field": "participantID",
        "type": "string",
        "describe": "The participant whose video is the locked source",
        "required": true
      }
    ]
  },
  {
    "command": "layouts",
    "method": "conference.layouts",
    "operationId": "showLayout",
    "summary": "Lists the meeting's saved multi-picture layouts.",
    "answer": true,
    "flags": []
  },
  {
    "command": "save-layout",
    "method": "conference.saveLayout",
    "operationId": "saveLayout",
    "summary": "Saves a multi-picture layout.",
    "argument": "restPicLayout",
    "flags": [
      {
        "flag": "rest-pic-layout",
        "field": "restPicLayout",
        "type": "object",
        "describe": "A saved multi-picture layout",
        "json": true
      }
    ]
  },
  {
    "command": "delete-layout",
    "method": "conference.deleteLayout",
    "operationId": "deleteLayout",
    "summary": "Deletes the saved layout with the given UUID.",
    "argument": "uuID",
    "flags": [
      {
        "flag": "uu-id",
        "field": "uuID",
        "type": "string",
        "describe": "The layout's UUID (uuid of an entry in picLayouts of showLayout)",
        "required": true
      }
    ]
  },
  {
    "command": "set-interpreter-groups",
    "method": "conference.setInterpreterGroups",
    "operationId": "setInterpreterGroup",
    "summary": "Sets the meeting's interpretation groups.",
    "argument": "interpreterGroups",
    "flags": [
      {
        "flag": "interpreter-groups",
        "field": "interpreterGroups",
        "type": "array",
        "describe": "The interpretation groups",
        "required": true,
        "json": true
      }
    ]
  },
  {
    "command": "start-interpretation",
    "method": "conference.startInterpretation",
    "operationId": "resumeSimultaneousInterpretation",
    "summary": "Starts simultaneous interpretation.",
    "flags": []
  },
  {
    "command": "stop-interpretation",
    "method": "conference.stopInterpretation",
    "operationId": "resumeSimultaneousInterpretation",
    "summary": "Stops simultaneous interpretation.",
    "flags": []
  },
  {
    "command": "set-language-channels",
    "method": "conference.setLanguageChannels",
    "operationId": "setAttendeeLanChannel",
    "summary": "Sets the language channels the given participants listen and speak on.",
    "flags": [
      {
        "flag": "participant-ids",
        "field": "participantIDs",
        "type": "string",
        "describe": "The participants (sites), by participant ID",
        "list": true
      },
      {
        "flag": "listen-lan-channel",
        "field": "listenLanChannel",
        "type": "string",
        "describe": "The language channel the participants listen on; an ordinary participant listens and speaks on the same one",
        "required": true
      },
      {
        "flag": "speak-lan-channel",
        "field": "speakLanChannel",
        "type": "string",
        "describe": "The language channel the participants speak on; an ordinary participant listens and speaks on the same one",
        "required": true
      },
      {
        "flag": "include-original-voice",
        "field": "includeOriginalVoice",
        "type": "integer",
        "describe": "Whether the original voice is included (0, 1)"
      }
    ]
  }
];
