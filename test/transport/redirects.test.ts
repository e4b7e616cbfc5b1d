// A 3xx is never followed (the secret headers would go with it): every status from 300 to 399
// is the error naming the redirect, after one request; 299 and 400 are answered as they are.
import { afterEach, describe, expect, it } from "vitest";
import { startFaultServer, type FaultServer } from "../support/servers/faults.js";
import { transports } from "../support/transports.js";

describe.each(transports)("on the %s transport", (_transport, createMeetingClient) => {
  let server: FaultServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it.each([300, 301, 399])("HTTP %i is a redirect, not followed, sent once", async (status) => {
    server = await startFaultServer([{ status, headers: { location: "http://127.0.0.1:9/elsewhere" }, body: "" }]);
    const conf = createMeetingClient({ baseUrl: server.url }).conference("986947855", { token: "t" });
    const error = (await conf.inviteToShare("p1").catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ name: "MeetingApiError", status });
    expect(error.message).toBe(`PUT /v1/mmc/control/conferences/participants/share/invite: HTTP ${status} (redirect to "http://127.0.0.1:9/elsewhere": not followed)`);
    expect(server.requests).toHaveLength(1);
  });

  it("HTTP 299 is a success and 400 a BadRequestError: neither is a redirect", async () => {
    server = await startFaultServer([
      { status: 299, headers: { location: "http://127.0.0.1:9/elsewhere" }, body: "{}" },
      { status: 400, headers: { location: "http://127.0.0.1:9/elsewhere" }, body: "{}" },
    ]);
    const conf = createMeetingClient({ baseUrl: server.url }).conference("986947855", { token: "t" });
    await expect(conf.inviteToShare("p1")).resolves.toBeUndefined();
    const error = (await conf.inviteToShare("p1").catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ name: "BadRequestError", status: 400 });
    expect(error.message).not.toContain("redirect");
  });
});
