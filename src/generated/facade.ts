/**
 * The handles' methods, typed from the `operations` of schema.d.ts, generated from openapi.yaml by
 * scripts/generate-operations.ts. Do not make direct changes to the file.
 */

import type { operations } from "./schema.js";

type Query<K extends keyof operations> = NonNullable<operations[K]["parameters"]["query"]>;
type Body<K extends keyof operations> = operations[K] extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;
type Answer<K extends keyof operations> = operations[K]["responses"] extends { 200: { content: { "application/json": infer A } } } ? A : never;

/** The methods of `conf.participant(pid)`: each sends the participant's ID where its operation takes it. `O` is the per-call options. */
export interface ParticipantMethods<O> {
  /**
   * Invites the participant to share their screen.
   * Sends `share: 1`.
   * Operation `inviteShare`.
   */
  inviteToShare(options?: O): Promise<void>;
  /**
   * Cancels the invitation to share a screen.
   * Sends `share: 0`.
   * Operation `inviteShare`.
   */
  cancelShareInvitation(options?: O): Promise<void>;
  /**
   * Renames the participant.
   * Operation `renameParticipant`.
   */
  rename(input: Pick<Body<"renameParticipant">, "number" | "newName">, options?: O): Promise<void>;
  /**
   * Mutes the participant's microphone.
   * Sends `isMute: 1`.
   * Operation `muteParticipant`.
   */
  mute(options?: O): Promise<void>;
  /**
   * Unmutes the participant's microphone.
   * Sends `isMute: 0`.
   * Operation `muteParticipant`.
   */
  unmute(options?: O): Promise<void>;
  /**
   * Asks the participant to turn their camera on.
   * Sends `status: 0`.
   * Operation `inviteOperateVideo`.
   */
  askToStartVideo(options?: O): Promise<void>;
  /**
   * Asks the participant to turn their camera off.
   * Sends `status: 1`.
   * Operation `inviteOperateVideo`.
   */
  askToStopVideo(options?: O): Promise<void>;
  /**
   * Applies for the host role for this participant, the caller, with the host password.
   * Sends `applyChair: 1`.
   * Operation `setRole`.
   */
  applyForHost(input?: Pick<Body<"setRole">, "chairmanPwd">, options?: O): Promise<void>;
  /**
   * Releases the host role this participant, the caller, holds.
   * Sends `applyChair: 0`.
   * Operation `setRole`.
   */
  releaseHost(input?: Pick<Body<"setRole">, "chairmanPwd">, options?: O): Promise<void>;
  /**
   * Makes the participant a co-host.
   * Sends `isCohost: 1`.
   * Operation `setCohost`.
   */
  makeCohost(options?: O): Promise<void>;
  /**
   * Revokes the participant's co-host role.
   * Sends `isCohost: 0`.
   * Operation `setCohost`.
   */
  revokeCohost(options?: O): Promise<void>;
  /**
   * Raises the participant's hand.
   * Sends `handsState: 1`.
   * Operation `hand`.
   */
  raiseHand(options?: O): Promise<void>;
  /**
   * Lowers the participant's hand.
   * Sends `handsState: 0`.
   * Operation `hand`.
   */
  lowerHand(options?: O): Promise<void>;
  /**
   * Gives the participant the floor (roll call).
   * Operation `rollcallParticipant`.
   */
  rollCall(options?: O): Promise<void>;
  /**
   * Broadcasts the participant: everyone sees them.
   * Operation `broadcastParticipant`.
   */
  broadcast(options?: O): Promise<void>;
  /**
   * Admits this member of the waiting room.
   * Sends `allowAll: false`.
   * Operation `allowWaitingParticipant`.
   */
  admit(options?: O): Promise<void>;
  /**
   * Moves the participant to the waiting room.
   * Operation `moveToWaitingRoom`.
   */
  moveToWaitingRoom(options?: O): Promise<void>;
  /**
   * Lets the participant record locally on their client.
   * Sends `allowClientRecord: 1`.
   * Operation `allowClientRecord`.
   */
  allowLocalRecording(options?: O): Promise<void>;
  /**
   * Revokes the participant's permission to record locally.
   * Sends `allowClientRecord: 0`.
   * Operation `allowClientRecord`.
   */
  revokeLocalRecording(options?: O): Promise<void>;
  /**
   * Makes this professional meeting terminal view the given participant.
   * Sends `viewType: 2`.
   * Operation `setParticipantView`.
   */
  view(participantID: Body<"setParticipantView">["participantID"], options?: O): Promise<void>;
  /**
   * Locks this terminal's view on the given participant's video.
   * Sends `status: 1`.
   * Operation `lockView`.
   */
  lockView(participantID: Body<"lockView">["participantID"], options?: O): Promise<void>;
  /**
   * Unlocks this terminal's view of the given participant's video.
   * Sends `status: 0`.
   * Operation `lockView`.
   */
  unlockView(participantID: Body<"lockView">["participantID"], options?: O): Promise<void>;
}

/** The conference handle's generated methods. `O` is the per-call options. */
export interface ConferenceMethods<O> {
  /**
   * Reads the meeting's attendees, online participants and state.
   * Operation `showRealTimeInfoOfMeeting`.
   */
  realTimeInfo(options?: O): Promise<Answer<"showRealTimeInfoOfMeeting">>;
  /**
   * Changes the ongoing meeting's settings; those left out stay as they are.
   * Operation `updateStartedConfConfig`.
   */
  updateSettings(settings: Body<"updateStartedConfConfig">, options?: O): Promise<void>;
  /**
   * Locks sharing, so that only the host may share.
   * Sends `lockSharing: 1`.
   * Operation `updateStartedConfConfig`.
   */
  lockSharing(options?: O): Promise<void>;
  /**
   * Unlocks sharing, so that participants may share again.
   * Sends `lockSharing: 0`.
   * Operation `updateStartedConfConfig`.
   */
  unlockSharing(options?: O): Promise<void>;
  /**
   * Calls the given attendees into the meeting.
   * Operation `inviteParticipant`.
   */
  inviteParticipants(attendees: Body<"inviteParticipant">["attendees"], options?: O): Promise<void>;
  /**
   * Hangs up the given participants (by participant ID).
   * Operation `hangUp`.
   */
  hangUp(bulkHangUpParticipants: Body<"hangUp">["bulkHangUpParticipants"], options?: O): Promise<void>;
  /**
   * Deletes the given attendees from the attendee list.
   * Operation `deleteAttendees`.
   */
  removeAttendees(bulkDelAttendInfo: Body<"deleteAttendees">["bulkDelAttendInfo"], options?: O): Promise<void>;
  /**
   * Mutes every participant's microphone.
   * Sends `isMute: 1`.
   * Operation `muteMeeting`.
   */
  muteAll(input?: Pick<Body<"muteMeeting">, "allowUnmuteByOneself">, options?: O): Promise<void>;
  /**
   * Unmutes every participant's microphone.
   * Sends `isMute: 0`.
   * Operation `muteMeeting`.
   */
  unmuteAll(input?: Pick<Body<"muteMeeting">, "allowUnmuteByOneself">, options?: O): Promise<void>;
  /**
   * Lets muted participants unmute themselves.
   * Sends `allowUnmuteByOneself: 1`.
   * Operation `allowGuestUnmute`.
   */
  allowSelfUnmute(options?: O): Promise<void>;
  /**
   * Stops muted participants from unmuting themselves.
   * Sends `allowUnmuteByOneself: 0`.
   * Operation `allowGuestUnmute`.
   */
  forbidSelfUnmute(options?: O): Promise<void>;
  /**
   * Raises the hands of the given participants (by participant ID).
   * Sends `handsState: 1`.
   * Operation `batchHand`.
   */
  raiseHands(pids: Body<"batchHand">["pids"], options?: O): Promise<void>;
  /**
   * Lowers the hands of the given participants (by participant ID).
   * Sends `handsState: 0`.
   * Operation `batchHand`.
   */
  lowerHands(pids: Body<"batchHand">["pids"], options?: O): Promise<void>;
  /**
   * Cancels broadcasting a participant.
   * Operation `cancelBroadcast`.
   */
  cancelBroadcast(options?: O): Promise<void>;
  /**
   * Locks the meeting: nobody new may join.
   * Sends `isLock: 1`.
   * Operation `lockMeeting`.
   */
  lock(options?: O): Promise<void>;
  /**
   * Unlocks the meeting.
   * Sends `isLock: 0`.
   * Operation `lockMeeting`.
   */
  unlock(options?: O): Promise<void>;
  /**
   * Pauses the meeting.
   * Sends `pause: 1`.
   * Operation `pauseConference`.
   */
  pause(options?: O): Promise<void>;
  /**
   * Resumes a paused meeting.
   * Sends `pause: 0`.
   * Operation `pauseConference`.
   */
  resume(options?: O): Promise<void>;
  /**
   * Extends the meeting.
   * Operation `prolongMeeting`.
   */
  prolong(input: Body<"prolongMeeting">, options?: O): Promise<void>;
  /**
   * Ends the meeting for everyone.
   * Operation `stopMeeting`.
   */
  stop(options?: O): Promise<void>;
  /**
   * Lets the webinar's audience join.
   * Sends `allowAudience: 1`.
   * Operation `allowAudienceJoin`.
   */
  allowAudience(options?: O): Promise<void>;
  /**
   * Admits everyone in the waiting room.
   * Sends `allowAll: true`.
   * Operation `allowWaitingParticipant`.
   */
  admitAll(options?: O): Promise<void>;
  /**
   * Moves the given participants (by participant ID) to the waiting room.
   * Operation `batchMoveToWaitingRoom`.
   */
  moveToWaitingRoom(batchParticipants: Body<"batchMoveToWaitingRoom">["batchParticipants"], options?: O): Promise<void>;
  /**
   * Starts recording the meeting in the cloud.
   * Sends `isRecord: 1`.
   * Operation `record`.
   */
  startRecording(options?: O): Promise<void>;
  /**
   * Stops recording the meeting in the cloud.
   * Sends `isRecord: 0`.
   * Operation `record`.
   */
  stopRecording(options?: O): Promise<void>;
  /**
   * Starts live streaming the meeting.
   * Sends `isLive: 1`.
   * Operation `live`.
   */
  startLive(options?: O): Promise<void>;
  /**
   * Stops live streaming the meeting.
   * Sends `isLive: 0`.
   * Operation `live`.
   */
  stopLive(options?: O): Promise<void>;
  /**
   * Starts recording the MMR meeting.
   * Sends `recordType: 1`.
   * Operation `setMmrRecord`.
   */
  startMmrRecording(options?: O): Promise<void>;
  /**
   * Pauses recording the MMR meeting.
   * Sends `recordType: 0`.
   * Operation `setMmrRecord`.
   */
  pauseMmrRecording(options?: O): Promise<void>;
  /**
   * Stops recording the MMR meeting.
   * Sends `recordType: 2`.
   * Operation `setMmrRecord`.
   */
  stopMmrRecording(options?: O): Promise<void>;
  /**
   * Starts live streaming the MMR meeting.
   * Sends `liveState: 1`.
   * Operation `setMmrLive`.
   */
  startMmrLive(options?: O): Promise<void>;
  /**
   * Stops live streaming the MMR meeting.
   * Sends `liveState: 0`.
   * Operation `setMmrLive`.
   */
  stopMmrLive(options?: O): Promise<void>;
  /**
   * Sets the multi-picture layout.
   * Operation `setMultiPicture`.
   */
  setMultiPicture(input: Body<"setMultiPicture">, options?: O): Promise<void>;
  /**
   * Sets a custom multi-picture layout.
   * Operation `setCustomMultiPicture`.
   */
  setCustomMultiPicture(input: Body<"setCustomMultiPicture">, options?: O): Promise<void>;
  /**
   * Switches the meeting's display policy.
   * Operation `switchMode`.
   */
  switchMode(input: Body<"switchMode">, options?: O): Promise<void>;
  /**
   * Sets what the host views.
   * Operation `setHostView`.
   */
  setHostView(input: Body<"setHostView">, options?: O): Promise<void>;
  /**
   * Lists the meeting's saved multi-picture layouts.
   * Operation `showLayout`.
   */
  layouts(options?: O): Promise<Answer<"showLayout">>;
  /**
   * Saves a multi-picture layout.
   * Operation `saveLayout`.
   */
  saveLayout(restPicLayout?: Body<"saveLayout">["restPicLayout"], options?: O): Promise<void>;
  /**
   * Deletes the saved layout with the given UUID.
   * Operation `deleteLayout`.
   */
  deleteLayout(uuID: Query<"deleteLayout">["uuID"], options?: O): Promise<void>;
  /**
   * Sets the meeting's interpretation groups.
   * Operation `setInterpreterGroup`.
   */
  setInterpreterGroups(interpreterGroups: Body<"setInterpreterGroup">["interpreterGroups"], options?: O): Promise<void>;
  /**
   * Starts simultaneous interpretation.
   * Sends `simultaneousInterpretation: 1`.
   * Operation `resumeSimultaneousInterpretation`.
   */
  startInterpretation(options?: O): Promise<void>;
  /**
   * Stops simultaneous interpretation.
   * Sends `simultaneousInterpretation: 0`.
   * Operation `resumeSimultaneousInterpretation`.
   */
  stopInterpretation(options?: O): Promise<void>;
  /**
   * Sets the language channels the given participants listen and speak on.
   * Operation `setAttendeeLanChannel`.
   */
  setLanguageChannels(input: Body<"setAttendeeLanChannel">, options?: O): Promise<void>;
}
