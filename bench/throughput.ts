// Throughput contenders against the bench server: each is a function that makes one inviteShare PUT.
import createClient from "openapi-fetch";
import { request as undiciRequest, Agent } from "undici";
import type { paths } from "../src/generated/schema.js";
import { createMeetingClient } from "../src/index.js";

export type Call = () => Promise<unknown>;
export const PATH = "/v1/mmc/control/conferences/participants/share/invite";
const QUERY = "?conferenceID=986947855&participantID=4a5rg64ag5p8pvvnam1rr6m8lqra6a61";
const HEADERS = { "content-type": "application/json", "x-conference-authorization": "bench-static-token" };

export function contenders(base: string): Record<string, Call> {
  const url = `${base}${PATH}${QUERY}`;
  const body = JSON.stringify({ share: 1 });
  const agent = new Agent({ connections: 128, pipelining: 1 });
  const bare = createClient<paths>({ baseUrl: base });
  const params = {
    query: { conferenceID: "986947855", participantID: "4a5rg64ag5p8pvvnam1rr6m8lqra6a61" },
    header: { "X-Conference-Authorization": "bench-static-token" },
  };
  const facade = (transport: "fetch" | "undici", auth: "static" | "managed") => {
    const meeting = createMeetingClient({
      baseUrl: base,
      ...(transport === "fetch" ? { fetch: (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init) } : {}),
    } as never);
    const conf = meeting.conference("986947855", auth === "static" ? { token: "bench-static-token" } : { hostPassword: "bench-password" });
    return () => conf.inviteToShare("4a5rg64ag5p8pvvnam1rr6m8lqra6a61");
  };
  return {
    "raw fetch": async () => {
      const response = await fetch(url, { method: "PUT", headers: HEADERS, body });
      await response.text();
    },
    "raw undici request() (floor)": async () => {
      const response = await undiciRequest(url, { method: "PUT", headers: HEADERS, body, dispatcher: agent });
      await response.body.text();
    },
    "bare openapi-fetch": () => bare.PUT(PATH, { params, body: { share: 1 } }),
    "facade, fetch transport, static token": facade("fetch", "static"),
    "facade, undici transport, static token": facade("undici", "static"),
    "facade, undici transport, managed token": facade("undici", "managed"),
  };
}

/** Calls per second: `total` calls, `inFlight` at a time. */
export async function measure(call: Call, total: number, inFlight: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next++ < total) await call();
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return total / ((performance.now() - started) / 1000);
}
