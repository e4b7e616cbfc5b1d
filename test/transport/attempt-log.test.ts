// The debug line of every attempt, whole: what was sent, which attempt of how many, what came
// of it, and the wait before the next (backoff or the server's Retry-After), secrets redacted.
import { afterEach, describe, expect, it } from "vitest";
import { startFaultServer, type FaultServer } from "../support/servers/faults.js";
import { transports } from "../support/transports.js";

describe.each(transports)("on the %s transport", (_transport, createMeetingClient) => {
  const TOKEN = "EXAMPLE-secret-token-7f3a";
  let server: FaultServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** The logged lines with each attempt's duration as `N`, and the meta of each. */
  function logger() {
    const lines: string[] = [];
    const metas: unknown[] = [];
    const durations: number[] = [];
    return {
      lines,
      metas,
      durations,
      logger: {
        debug: (line: string, meta: unknown) => {
          lines.push(
            line.replace(/ in (\d+) ms;/, (_, ms: string) => {
              durations.push(Number(ms));
              return " in N ms;";
            }),
          );
          metas.push(meta);
        },
      },
    };
  }

  it("a 503 with Retry-After, a 500, then a 200: three lines, the waits named", async () => {
    server = await startFaultServer([
      { status: 503, headers: { "retry-after": "0" }, body: "{}" },
      { status: 500, body: "{}" },
      { status: 200, body: "{}" },
    ]);
    const log = logger();
    const conf = createMeetingClient({ baseUrl: server.url, logger: log.logger }).conference("986947855", { token: TOKEN });
    await conf.inviteToShare("p1");
    const url = `${server.url}/v1/mmc/control/conferences/participants/share/invite?conferenceID=986947855&participantID=p1`;
    const backoff = /retrying in (\d+) ms \(backoff\)$/.exec(log.lines[1]!);
    expect(Number(backoff?.[1])).toBeGreaterThanOrEqual(500);
    expect(Number(backoff?.[1])).toBeLessThanOrEqual(1000);
    expect(log.lines).toEqual([
      `meeting-control PUT ${url} attempt 1/3 → 503 in N ms; retrying in 0 ms (Retry-After)`,
      `meeting-control PUT ${url} attempt 2/3 → 500 in N ms; retrying in ${backoff?.[1]} ms (backoff)`,
      `meeting-control PUT ${url} attempt 3/3 → 200 in N ms; done`,
    ]);
    for (const meta of log.metas) {
      expect(meta).toMatchObject({ headers: { "x-conference-authorization": "[redacted]", "content-type": "application/json" } });
      expect(JSON.stringify(meta)).not.toContain(TOKEN);
    }
    expect(log.durations.every((ms) => ms >= 0 && ms < 5000)).toBe(true);
  });

  it("an attempt that times out, and a connection that fails, each say so", async () => {
    server = await startFaultServer(["hang"]);
    const log = logger();
    const conf = createMeetingClient({ baseUrl: server.url, logger: log.logger, timeoutMs: 100, maxRetries: 0 }).conference("986947855", { token: TOKEN });
    await expect(conf.realTimeInfo()).rejects.toMatchObject({ name: "MeetingTimeoutError" });
    expect(log.lines).toEqual([`meeting-control GET ${server.url}/v1/mmc/control/conferences/realTimeInfo?conferenceID=986947855 attempt 1/1 → timeout in N ms; done`]);
    expect(log.durations[0]).toBeGreaterThanOrEqual(90);

    const failed = logger();
    const refused = createMeetingClient({ baseUrl: "http://127.0.0.1:9", logger: failed.logger, maxRetries: 0 }).conference("986947855", { token: TOKEN });
    await expect(refused.realTimeInfo()).rejects.toMatchObject({ name: "MeetingConnectionError" });
    expect(failed.lines).toEqual(["meeting-control GET http://127.0.0.1:9/v1/mmc/control/conferences/realTimeInfo?conferenceID=986947855 attempt 1/1 → failed in N ms; done"]);
  });
});
