// One contender of the runtime rows in workerd: a module worker (bundled by bench/runtimes.ts as
// wrangler would bundle it, conditions workerd, worker, browser), one workerd process per
// contender. The parent asks GET /run?total=N&inFlight=K; the worker makes the calls against the
// bench server with workerd's own fetch, and answers once they are all done. The parent times
// the exchange: inside a worker the clock only moves with I/O, and there is no CPU time to read.
import { type Call, callsPerSecond } from "./rate.js";
import type { RuntimeContenderName } from "./runtime-names.js";
import { BODY, CONFERENCE, HEADERS, INVITE_URL, PARAMS, PARTICIPANT, PATH, STATIC_TOKEN } from "./wire.js";
import createClient from "openapi-fetch";
import { createMeetingClient } from "../dist/universal.js";

const CONTENDERS: Record<RuntimeContenderName, (base: string) => Call> = {
  "raw fetch": (base) => async () => {
    const response = await fetch(base + INVITE_URL, { method: "PUT", headers: HEADERS, body: BODY });
    await response.text();
  },
  "bare openapi-fetch + an AbortSignal per call": (base) => {
    const bare = createClient<import("../src/generated/schema.js").paths>({ baseUrl: base });
    return () => bare.PUT(PATH, { params: PARAMS, body: { share: 1 }, signal: new AbortController().signal });
  },
  "universal entry, meeting.api": (base) => {
    const { api } = createMeetingClient({ baseUrl: base });
    return () => api.PUT(PATH, { params: PARAMS, body: { share: 1 } });
  },
  "universal entry, { token }": (base) => {
    const conf = createMeetingClient({ baseUrl: base }).conference(CONFERENCE, { token: STATIC_TOKEN });
    return () => conf.inviteToShare(PARTICIPANT);
  },
};

let call: Call | undefined;

export default {
  async fetch(request: Request, env: { CONTENDER: RuntimeContenderName; BASE_URL: string }): Promise<Response> {
    try {
      call ??= CONTENDERS[env.CONTENDER](env.BASE_URL);
      const query = new URL(request.url).searchParams;
      await callsPerSecond(call, Number(query.get("total")), Number(query.get("inFlight")));
      return new Response("done");
    } catch (error) {
      return new Response(`${(error as Error)?.name}: ${(error as Error)?.message}`, { status: 500 });
    }
  },
};
