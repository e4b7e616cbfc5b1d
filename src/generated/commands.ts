/**
 * The CLI's commands, one per facade method, generated from openapi.yaml by
 * scripts/generate-operations.ts. Do not make direct changes to the file.
 */

/** One flag: `--flag` sets `field` (`list`: comma-separated or repeated; `json`: a JSON value). */
export interface CommandFlag {
  flag: string;
  field: string;
  type: string;
  required?: true;
  list?: true;
  json?: true;
  describe: string;
}

/** One command per facade method: its name, the method it calls, its summary, its flags. */
export interface GeneratedCommand {
  command: string;
  method: string;
  operationId: string;
  summary: string;
  argument?: string;
  /** The input's name in errors, where it is not `input`. */
  input?: string;
  answer?: true;
  flags: CommandFlag[];
}

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
    "summary": "Cancels the invitation to share.",
    "flags": []
  },
  {
    "command": "real-time-info",
    "method": "conference.realTimeInfo",
    "operationId": "showRealTimeInfoOfMeeting",
    "summary": "Reads the meeting's attendees, online participants (each with its pid) and state.",
    "answer": true,
    "flags": []
  },
  {
    "command": "update-settings",
    "method": "conference.updateSettings",
    "operationId": "updateStartedConfConfig",
    "summary": "Changes the meeting's settings; only those given change.",
    "input": "settings",
    "flags": [
      {
        "flag": "lock-sharing",
        "field": "lockSharing",
        "type": "string",
        "describe": "Sharing lock (0, 1)"
      },
      {
        "flag": "free-share",
        "field": "freeShare",
        "type": "string",
        "describe": "Who may take over a share in progress (0, 1)"
      },
      {
        "flag": "is-lock",
        "field": "isLock",
        "type": "string",
        "describe": "Meeting lock (0, 1)"
      },
      {
        "flag": "call-in-restriction",
        "field": "callInRestriction",
        "type": "string",
        "describe": "Who may join the meeting (0, 2, 3)"
      },
      {
        "flag": "audience-call-in-restriction",
        "field": "audienceCallInRestriction",
        "type": "string",
        "describe": "Who may join a webinar as audience (0, 2)"
      },
      {
        "flag": "allow-unmute-by-oneself",
        "field": "allowUnmuteByOneself",
        "type": "string",
        "describe": "Whether participants may unmute themselves (the vendor's default: allowed) (0, 1)"
      },
      {
        "flag": "chat-permission",
        "field": "chatPermission",
        "type": "string",
        "describe": "Chat permission (1, 2, 3, 4)"
      },
      {
        "flag": "allow-open-camera",
        "field": "allowOpenCamera",
        "type": "string",
        "describe": "Whether participants may turn on their own camera (0, 1)"
      },
      {
        "flag": "allow-rename",
        "field": "allowRename",
        "type": "string",
        "describe": "Whether participants may rename themselves (0, 1)"
      },
      {
        "flag": "client-rec-mode",
        "field": "clientRecMode",
        "type": "integer",
        "describe": "Who may record locally on their client (the vendor's default: only the host). The"
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
    "summary": "Mutes every participant.",
    "flags": [
      {
        "flag": "allow-unmute-by-oneself",
        "field": "allowUnmuteByOneself",
        "type": "string",
        "describe": "Whether participants may unmute themselves (only when muting; the vendor's default: allowed) (0, 1)"
      }
    ]
  },
  {
    "command": "unmute-all",
    "method": "conference.unmuteAll",
    "operationId": "muteMeeting",
    "summary": "Unmutes every participant.",
    "flags": [
      {
        "flag": "allow-unmute-by-oneself",
        "field": "allowUnmuteByOneself",
        "type": "string",
        "describe": "Whether participants may unmute themselves (only when muting; the vendor's default: allowed) (0, 1)"
      }
    ]
  },
  {
    "command": "hang-up",
    "method": "conference.hangUp",
    "operationId": "hangUp",
    "summary": "Hangs up the participants (their pids).",
    "argument": "bulkHangUpParticipants",
    "flags": [
      {
        "flag": "bulk-hang-up-participants",
        "field": "bulkHangUpParticipants",
        "type": "string",
        "describe": "The participants to hang up, by pid",
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
    "command": "delete-layout",
    "method": "conference.deleteLayout",
    "operationId": "deleteLayout",
    "summary": "Deletes a saved multi-picture layout.",
    "argument": "uuID",
    "flags": [
      {
        "flag": "uu-id",
        "field": "uuID",
        "type": "string",
        "describe": "The layout's ID",
        "required": true
      }
    ]
  }
];
