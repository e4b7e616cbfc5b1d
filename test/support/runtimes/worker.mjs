// The smoke for workerd: a module worker, bundled from the installed package the way wrangler
// bundles (conditions workerd, worker, browser). A GET runs the story against env.BASE_URL and
// answers one JSON object; an error answers 500 with its name and message.
import * as pkg from "huaweicloud-meeting-control";
import { codegen, story } from "./story.mjs";

export default {
  async fetch(_request, env) {
    try {
      const server = { baseUrl: env.BASE_URL, conferenceID: env.CONFERENCE_ID, hostPassword: env.HOST_PASSWORD };
      const result = await story(pkg, server, typeof WebSocket === "function" ? "the global WebSocket" : undefined);
      return Response.json({ codegen: codegen(), ...result });
    } catch (error) {
      return Response.json({ error: `${error?.name}: ${error?.message}` }, { status: 500 });
    }
  },
};
