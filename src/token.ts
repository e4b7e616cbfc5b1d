import type { Client } from "openapi-fetch";
import type { components, paths } from "./generated/schema.js";
import { apiError, MeetingInputError } from "./errors.js";
import { readJson, type CallOptions } from "./send.js";
import { checkSecret } from "./validate.js";

export type Api = Client<paths, "application/json">;
export type TokenInfo = components["schemas"]["TokenInfo"];

/** How a conference handle authorizes its calls: exactly one of the two. */
export type ConferenceAuth =
  | { /** A meeting-control token, sent unchanged and never renewed. */ token: string; hostPassword?: never }
  | { /** The host password: the client obtains the meeting-control token itself. */ hostPassword: string; token?: never };

/** Hands out the meeting-control token for one conference. */
export interface TokenSource {
  get(options?: CallOptions): Promise<string>;
}

export function tokenSource(api: Api, conferenceID: string, auth: ConferenceAuth): TokenSource {
  const rule = "must be { token } or { hostPassword }, not both";
  if (typeof auth !== "object" || auth === null) throw new MeetingInputError("auth", rule);
  const hasToken = auth.token !== undefined;
  const hasPassword = auth.hostPassword !== undefined;
  if (hasToken === hasPassword) throw new MeetingInputError("auth", rule);
  if (hasToken) {
    const token = checkSecret("auth.token", auth.token);
    return { get: () => Promise.resolve(token) };
  }
  return new PasswordToken(api, conferenceID, checkSecret("auth.hostPassword", auth.hostPassword));
}

/** Obtains the token with the host password once; concurrent callers share the one request. */
class PasswordToken implements TokenSource {
  #pending: Promise<string> | undefined;

  constructor(
    private readonly api: Api,
    private readonly conferenceID: string,
    private readonly password: string,
  ) {}

  get(options?: CallOptions): Promise<string> {
    // A failed request is forgotten so that the next call tries again.
    this.#pending ??= this.#obtain(options).catch((error: unknown) => {
      this.#pending = undefined;
      throw error;
    });
    return this.#pending;
  }

  async #obtain(options?: CallOptions): Promise<string> {
    const result = await this.api.GET("/v1/mmc/control/conferences/token", {
      params: {
        query: { conferenceID: this.conferenceID },
        header: { "X-Password": this.password, "X-Login-Type": 1 },
      },
      parseAs: "text",
      signal: options?.signal,
    });
    const body = readJson<TokenInfo>(result);
    const token = body?.data?.token;
    if (typeof token !== "string" || token === "") {
      throw apiError(result.response, body, "the answer holds no data.token");
    }
    return token;
  }
}
