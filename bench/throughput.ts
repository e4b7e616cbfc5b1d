// Throughput contenders against the bench server: each makes one inviteShare PUT. The library
// is the built package (dist/), as users get it.
import createClient from "openapi-fetch";
import { Agent, request as undiciRequest } from "undici";
import type { paths } from "../src/generated/schema.js";
import * as browserEntry from "../dist/browser.js";
import * as nodeEntry from "../dist/index.js";

export type Call = () => Promise<unknown>;
export const PATH = "/v1/mmc/control/conferences/participants/share/invite";
export const CONFERENCE = "986947855";
export const PARTICIPANT = "4a5rg64ag5p8pvvnam1rr6m8lqra6a61";
const HEADERS = { "content-type": "application/json", "x-conference-authorization": "bench-static-token" };
export const PARAMS = {
  query: { conferenceID: CONFERENCE, participantID: PARTICIPANT },
  header: { "X-Conference-Authorization": "bench-static-token" },
};

export function contenders(base: string): Record<string, Call> {
  const url = `${base}${PATH}?conferenceID=${CONFERENCE}&participantID=${PARTICIPANT}`;
  const body = JSON.stringify({ share: 1 });
  const agent = new Agent();
  const bare = createClient<paths>({ baseUrl: base });
  const facade = (entry: typeof nodeEntry, auth: "static" | "managed") => {
    const conf = entry.createMeetingClient({ baseUrl: base }).conference(CONFERENCE, auth === "static" ? { token: "bench-static-token" } : { hostPassword: "bench-password" });
    return () => conf.inviteToShare(PARTICIPANT);
  };
  return {
    "raw fetch": async () => {
      const response = await fetch(url, { method: "PUT", headers: HEADERS, body });
      await response.text();
    },
    "raw undici request() (the floor)": async () => {
      const response = await undiciRequest(url, { method: "PUT", headers: HEADERS, body, dispatcher: agent });
      await response.body.text();
    },
    "bare openapi-fetch (global fetch)": () => bare.PUT(PATH, { params: PARAMS, body: { share: 1 } }),
    "facade, Node entry (undici), static token": facade(nodeEntry, "static"),
    "facade, Node entry (undici), managed token": facade(nodeEntry, "managed"),
    "facade, browser entry (fetch), static token": facade(browserEntry as unknown as typeof nodeEntry, "static"),
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
