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
   * Cancels the invitation to share.
   * Sends `share: 0`.
   * Operation `inviteShare`.
   */
  cancelShareInvitation(options?: O): Promise<void>;
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
   * Renames the participant.
   * Operation `renameParticipant`.
   */
  rename(input: Pick<Body<"renameParticipant">, "number" | "newName">, options?: O): Promise<void>;
}

/** The conference handle's generated methods. `O` is the per-call options. */
export interface ConferenceMethods<O> {
  /**
   * Reads the meeting's attendees, online participants (each with its pid) and state.
   * Operation `showRealTimeInfoOfMeeting`.
   */
  realTimeInfo(options?: O): Promise<Answer<"showRealTimeInfoOfMeeting">>;
  /**
   * Changes the meeting's settings; only those given change.
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
   * Mutes every participant.
   * Sends `isMute: 1`.
   * Operation `muteMeeting`.
   */
  muteAll(input?: Pick<Body<"muteMeeting">, "allowUnmuteByOneself">, options?: O): Promise<void>;
  /**
   * Unmutes every participant.
   * Sends `isMute: 0`.
   * Operation `muteMeeting`.
   */
  unmuteAll(input?: Pick<Body<"muteMeeting">, "allowUnmuteByOneself">, options?: O): Promise<void>;
  /**
   * Hangs up the participants (their pids).
   * Operation `hangUp`.
   */
  hangUp(bulkHangUpParticipants: Body<"hangUp">["bulkHangUpParticipants"], options?: O): Promise<void>;
  /**
   * Deletes a saved multi-picture layout.
   * Operation `deleteLayout`.
   */
  deleteLayout(uuID: Query<"deleteLayout">["uuID"], options?: O): Promise<void>;
}
