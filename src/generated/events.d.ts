/**
 * The meeting-control event channel's message types, generated from asyncapi.yaml by
 * scripts/generate-events.ts. Do not make direct changes to the file.
 */

export type paths = Record<string, never>;
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The subscription request. */
        SubscribeFrame: {
            /** @description 20 to 30 random characters; the reply carries the same. */
            sequence: string;
            /** @constant */
            action: "Subscribe";
            /** @description `SubscribeData`, serialised as a JSON string (as every vendor example sends it). */
            data: string;
        };
        /** @description What `data` of `Subscribe` holds, once parsed. */
        SubscribeData: {
            /** @description The push types to receive. */
            subscribeType: components["schemas"]["NotifyType"][];
            /** @description The meeting-control token, raw. */
            confToken: string;
            /** @description The meeting; listed as mandatory in the vendor's table, left out of its examples. */
            conferenceID?: string;
        };
        /**
         * @description A documented push type; others may exist.
         * @example ConfBasicInfoNotify
         * @example ConfDynamicInfoNotify
         * @example ParticipantsNotify
         * @example AttendeesNotify
         * @example SpeakerChangeNotify
         * @example NetConditionNotify
         * @example InviteResultNotify
         * @example RealTimeSubtitleNotify
         * @example WaitingListNotify
         * @example InterpreterGroupNotify
         */
        NotifyType: string;
        /** @description The server's reply to a request, with the request's `sequence`. */
        ReplyFrame: {
            action: string;
            sequence?: string;
            /** @description `ReplyData`, as an object or a JSON string. */
            data?: components["schemas"]["ReplyData"] | string;
        };
        /** @description The outcome of a request. The vendor's example spells the description key `"returnDesc "`, with a trailing space: read `returnCode`. */
        ReplyData: {
            /** @description `0` on success. */
            returnCode?: number;
            /** @description What happened, in words. */
            returnDesc?: string;
        };
        /** @description A heart-beat; the server echoes the same frame. */
        HeartBeatFrame: {
            /** @description A millisecond timestamp. */
            sequence: string;
            /** @constant */
            action: "HeartBeat";
        };
        /** @description What every push has. Unknown actions exist and are passed through. */
        PushEnvelope: {
            /** @description The push type. */
            action: string;
            /**
             * Format: int64
             * @description A full message's generation time (ms), or an incremental message's ascending sequence number.
             */
            version?: number;
            /**
             * Format: int64
             * @description When the message was generated, epoch ms.
             */
            createTime?: number;
            /** @description Unique message ID. */
            msgID?: string;
            /**
             * @description - `0`: full state.
             *     - `1`: incremental (only what changed).
             *     Other values are tolerated.
             */
            msgMode?: number;
            /** @description The subscribed meeting. */
            confID?: string;
            /** @description The push's content, as JSON or as a JSON string. */
            data?: unknown;
        };
        /** @description Online participants. A full message (`msgMode` 0) lists every online participant and replaces what was known; an incremental one (1) carries only the changed keys. */
        ParticipantsNotify: components["schemas"]["PushEnvelope"] & {
            /** @constant */
            action?: "ParticipantsNotify";
            data?: components["schemas"]["ParticipantChange"][] | string;
        };
        /** @description One participant's change (`ParticipantNotifyDTO`). */
        ParticipantChange: {
            /** @description The participant's ID, the `participantID` that `inviteShare` takes. */
            pid: string;
            /**
             * @description - `0`: add or refresh this participant.
             *     - `1`: this participant left.
             */
            mode?: number;
            pinfoMap?: components["schemas"]["ParticipantInfoMap"];
        };
        /** @description The participant's fields, string to string; an incremental message holds only the changed keys. Unknown keys are kept as they come. */
        ParticipantInfoMap: {
            /** @description Name or alias, up to 96 characters. */
            NAME?: string;
            /** @description The participant's number. */
            TEL?: string;
            /** @description `"1"` host, `"0"` participant, `"2"` audience; `"3"` co-host (the value of the vendor's client SDKs, not listed on the channel's page). */
            ROLE?: string;
            /** @description `"0"` in the meeting, `"1"` being called. */
            STATE?: string;
            /** @description `"1"` hand raised, `"0"` lowered. */
            HAND?: string;
            /** @description `"1"` being broadcast, `"0"` not. */
            BROADCAST?: string;
            /** @description `"1"` has the floor, `"0"` not. */
            ROLLCALL?: string;
            /** @description `"1"` sharing a screen or data, `"0"` not. */
            SHARE?: string;
            /** @description When the participant joined, epoch ms. */
            ADDTIME?: string;
            /** @description `"1"` muted, `"0"` not. */
            MUTE?: string;
            /** @description `"1"` video on, `"0"` off. */
            VIDEO?: string;
        } & {
            [key: string]: string;
        };
        /** @description The meeting's state. The vendor's table and example put these fields on the frame itself; they may also come in `data`. */
        ConfDynamicInfoNotify: components["schemas"]["PushEnvelope"] & components["schemas"]["ConfDynamicInfo"] & {
            /** @constant */
            action?: "ConfDynamicInfoNotify";
            data?: components["schemas"]["ConfDynamicInfo"] | string;
        };
        /** @description The meeting's state; fields beyond these appear and are kept. */
        ConfDynamicInfo: {
            /** @description `Schedule` (to be held), `Created` (in progress), `Destroyed` (ended). */
            state?: string;
            /** @description When the meeting ends, epoch ms. */
            endTime?: string;
            /** @description `FREE`, `FIXED`, `ROLLCALL` or `BROADCAST`. */
            mode?: string;
            /** @description `1` the meeting is locked, `0` not. */
            lock?: number;
            /** @description `1` participants are muted on joining, `0` not. */
            mute?: number;
            /** @description `1` only the host may share, `0` anyone may. */
            lockSharing?: number;
            /** @description `1` participants may unmute themselves, `0` not. */
            canUnmute?: number;
            /** @description Who may join (as in `updateStartedConfConfig`). */
            callInRestriction?: number;
            /** @description `1` the meeting is being recorded, `0` not (in the vendor's example; its table does not list it); `2` recording paused (an MMR meeting's pause, the reading of this document). */
            recState?: number;
            /** @description `1` the waiting room is on, `0` off (in the vendor's example; its table does not list it). */
            waitingRoomState?: number;
            /** @description `1` the meeting is paused, `0` not. */
            pause?: number;
            /** @description `1` live streaming, `0` not. */
            liveState?: number;
            /** @description `1` the audience of a webinar may join, `0` not. */
            allowAudience?: number;
        };
        /** @description The meeting's basic information (subject, times, media, owner …), kept as it comes. */
        ConfBasicInfoNotify: components["schemas"]["PushEnvelope"] & {
            /** @constant */
            action?: "ConfBasicInfoNotify";
        };
        /** @description Up to three loudest speakers. */
        SpeakerChangeNotify: components["schemas"]["PushEnvelope"] & {
            /** @constant */
            action?: "SpeakerChangeNotify";
            data?: components["schemas"]["Speaker"][] | string;
        };
        /** @description A speaker and how loud. */
        Speaker: {
            /** @description The participant's ID. */
            pid?: string;
            /** @description Speaking volume. */
            speakingVolume?: number;
        };
        /** @description The result of calling a number, or why a participant left. */
        InviteResultNotify: components["schemas"]["PushEnvelope"] & {
            /** @constant */
            action?: "InviteResultNotify";
            data?: components["schemas"]["InviteResult"][] | string;
        };
        /** @description One number's result. The vendor's table names the code `errorCode`, its example `resultCode`; readers accept either. `"0"`: the call succeeded; any other code: it failed, or (for a participant leaving) why, e.g. `11076010` left of their own accord, `11076002` removed by the host, `11111001`–`11111004` network errors. */
        InviteResult: {
            /** @description The number called. */
            callNumber?: string;
            /** @description The result, as the vendor's example names it. */
            resultCode?: string;
            /** @description The result, as the vendor's table names it. */
            errorCode?: string;
        };
        /**
         * @description Who waits in the waiting room: `mode` 0 someone came in, 1 someone left it (admitted, or
         *     gone). The `pid` is the `participantID` that `allowWaitingParticipant` takes. The vendor
         *     lists this push type without a page for its fields; these are the reading of this
         *     document, in the shape of `ParticipantsNotify`.
         */
        WaitingListNotify: components["schemas"]["PushEnvelope"] & {
            /** @constant */
            action?: "WaitingListNotify";
            data?: components["schemas"]["WaitingMember"][] | string;
        };
        /** @description One change of the waiting room. */
        WaitingMember: {
            /** @description The waiting participant's ID. */
            pid: string;
            /** @description The name they gave. */
            name?: string;
            /**
             * @description - `0`: came into the waiting room.
             *     - `1`: left it.
             */
            mode?: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
