import type { components } from "./generated/schema.js";
import { apiError } from "./errors.js";
import { callInit, readJson, type CallOptions } from "./send.js";
import type { Api, TokenSource } from "./token.js";
import type { Fetch, Transport } from "./transport.js";
import { checkId } from "./validate.js";

export type RealTimeInfo = components["schemas"]["RealTimeInfo"];
type Share = components["schemas"]["InviteShareDTO"]["share"];

/** One ongoing meeting, controlled as its host. Made by `meeting.conference()`. */
export class Conference {
  readonly conferenceID: string;
  readonly #api: Api;
  readonly #transport: Transport;
  readonly #token: TokenSource;

  /** @internal */
  constructor(api: Api, transport: Transport, conferenceID: string, token: TokenSource) {
    this.conferenceID = conferenceID;
    this.#api = api;
    this.#transport = transport;
    this.#token = token;
  }

  /** Invites the participant (a `pid` from `realTimeInfo()`) to share their screen: `{"share":1}`. */
  inviteToShare(participantID: string, options?: CallOptions): Promise<void> {
    return this.#share(participantID, 1, options);
  }

  /** Cancels the invitation to share: `{"share":0}`. */
  cancelShareInvitation(participantID: string, options?: CallOptions): Promise<void> {
    return this.#share(participantID, 0, options);
  }

  /** The meeting's attendees, online participants (each with its `pid`) and state. */
  async realTimeInfo(options?: CallOptions): Promise<RealTimeInfo> {
    const [result, secrets] = await this.#authorized(options, (header, fetch) =>
      this.#api.GET("/v1/mmc/control/conferences/realTimeInfo", {
        params: { query: { conferenceID: this.conferenceID }, header },
        parseAs: "text",
        fetch,
      }),
    );
    return readJson<RealTimeInfo>(result, secrets) ?? Promise.reject(apiError(result.response, undefined, secrets, "the answer is empty"));
  }

  /** A valid meeting-control token (obtained or renewed as needed), for the meeting-control WebSocket. */
  async token(options?: CallOptions): Promise<string> {
    return this.#token.get(callInit(this.#transport, options));
  }

  async #share(participantID: string, share: Share, options?: CallOptions): Promise<void> {
    checkId("participantID", participantID);
    const [result, secrets] = await this.#authorized(options, (header, fetch) =>
      this.#api.PUT("/v1/mmc/control/conferences/participants/share/invite", {
        params: { query: { conferenceID: this.conferenceID, participantID }, header },
        body: { share },
        parseAs: "text",
        fetch,
      }),
    );
    // Success is a 200 with an empty body or any JSON object.
    readJson(result, secrets);
  }

  /**
   * Sends with the current token; a 401 on a token that can be replaced is retried once with
   * a new one. Resolves with the result and the secrets to redact from any error: every
   * token sent, and what the token source holds.
   */
  async #authorized<R extends { response: Response }>(
    options: CallOptions | undefined,
    send: (header: { "X-Conference-Authorization": string }, fetch?: Fetch) => Promise<R>,
  ): Promise<[R, string[]]> {
    const init = callInit(this.#transport, options);
    const token = await this.#token.get(init);
    const result = await send({ "X-Conference-Authorization": token }, init.fetch);
    const secrets = [token, ...this.#token.secrets];
    if (result.response.status !== 401 || !this.#token.invalidate(token)) return [result, secrets];
    const fresh = await this.#token.get(init);
    return fresh === token ? [result, secrets] : [await send({ "X-Conference-Authorization": fresh }, init.fetch), [fresh, ...secrets]];
  }
}
