// The contenders: each makes the seed's inviteShare PUT. The library is the built package
// (dist/), as users get it. Each is imported only in its own process (bench/contender.ts).
import type { Call } from "./rate.js";
import { BODY, CONFERENCE, HEADERS, HOST_PASSWORD, INVITE_URL, PARAMS, PARTICIPANT, PATH, STATIC_TOKEN } from "./wire.js";

export { type Call, callsPerSecond } from "./rate.js";

type Entry = typeof import("../dist/node.js");

const facade = async (entry: Promise<Entry>, base: string, auth: "static" | "managed"): Promise<Call> => {
  const { createMeetingClient } = await entry;
  const conf = createMeetingClient({ baseUrl: base }).conference(CONFERENCE, auth === "static" ? { token: STATIC_TOKEN } : { hostPassword: HOST_PASSWORD });
  return () => conf.inviteToShare(PARTICIPANT);
};

export const CONTENDERS = {
  "raw fetch":
    async (base: string): Promise<Call> =>
    async () => {
      const response = await fetch(base + INVITE_URL, { method: "PUT", headers: HEADERS, body: BODY });
      await response.text();
    },
  // What any fetch client that can time out or be cancelled pays on top: the signal that
  // aborts the request (here never fired). A reference, not a target.
  "raw fetch + an AbortSignal per call":
    async (base: string): Promise<Call> =>
    async () => {
      const response = await fetch(base + INVITE_URL, { method: "PUT", headers: HEADERS, body: BODY, signal: new AbortController().signal });
      await response.text();
    },
  "raw undici request() (the floor)": async (base: string): Promise<Call> => {
    const { Agent, request } = await import("undici");
    const dispatcher = new Agent();
    return async () => {
      const response = await request(base + INVITE_URL, { method: "PUT", headers: HEADERS, body: BODY, dispatcher });
      await response.body.text();
    };
  },
  "bare openapi-fetch (global fetch)": async (base: string): Promise<Call> => {
    const { default: createClient } = await import("openapi-fetch");
    const bare = createClient<import("../src/generated/schema.js").paths>({ baseUrl: base });
    return () => bare.PUT(PATH, { params: PARAMS, body: { share: 1 } });
  },
  // The floor of the fetch entries under their design: openapi-fetch called as they call it (their
  // light Request and JSON serialiser, the answer read whole into their light Response), on fetch
  // with an AbortSignal per call, as a timeout needs; and nothing else: no timer, retry, token or
  // error mapping. A reference, not a target: no fetch entry can be faster than this.
  "openapi-fetch as the fetch entries call it, fetch + signal": async (base: string): Promise<Call> => {
    const { default: createClient, createQuerySerializer } = await import("openapi-fetch");
    const { CallRequest } = await import("../src/transport/call-request.js");
    const { CallResponse } = await import("../src/transport/call-response.js");
    const api = createClient<import("../src/generated/schema.js").paths>({
      baseUrl: base,
      Request: CallRequest as unknown as typeof Request,
      querySerializer: createQuerySerializer(),
      bodySerializer: (body: unknown) => JSON.stringify(body),
      fetch: async ({ url, method, headers, body }: Request) => {
        const response = await fetch(url, { method, headers, body, signal: new AbortController().signal, redirect: "manual" });
        return new CallResponse(response.status, response.headers, url, await response.text(), response.statusText) as unknown as Response;
      },
    });
    return () => api.PUT(PATH, { params: PARAMS, body: { share: 1 }, parseAs: "text" });
  },
  "Node entry (undici), { token }": (base: string) => facade(import("../dist/node.js"), base, "static"),
  "Node entry (undici), { hostPassword }": (base: string) => facade(import("../dist/node.js"), base, "managed"),
  // The same PUT through a method generated from the spec, on a participant handle made per
  // call, as apps write it: the generated surface costs what inviteToShare costs.
  "Node entry (undici), { token }, generated participant(pid).inviteToShare()": async (base: string): Promise<Call> => {
    const { createMeetingClient } = await import("../dist/node.js");
    const conf = createMeetingClient({ baseUrl: base }).conference(CONFERENCE, { token: STATIC_TOKEN });
    return () => conf.participant(PARTICIPANT).inviteToShare();
  },
  "universal entry (fetch), { token }": (base: string) => facade(import("../dist/universal.js") as Promise<Entry>, base, "static"),
  "browser entry (fetch in Node), { token }": (base: string) => facade(import("../dist/browser.js") as Promise<Entry>, base, "static"),
} as const;

export type ContenderName = keyof typeof CONTENDERS;

export function contender(name: string, base: string): Promise<Call> {
  const make = CONTENDERS[name as ContenderName];
  if (!make) throw new Error(`no contender named ${name}`);
  return make(base);
}
