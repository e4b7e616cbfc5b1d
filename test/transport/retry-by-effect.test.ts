// Retries that respect each operation's effect: an operation whose repeat could act twice
// (x-idempotent: false) is sent again only when the server cannot have acted on it.
import { createServer, type Server } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { InternalServerError, MeetingConnectionError, MeetingTimeoutError, type MeetingClientOptions } from "../../src/node.js";
import { operations } from "../../src/generated/operations.js";
import { repeatable } from "../../src/retry.js";
import { startFaultServer, type FaultServer, type Step } from "../support/servers/faults.js";
import { transports } from "../support/transports.js";
import { freePort } from "../../scripts/prism.js";

const CONFERENCE = "986947855";
const TOKEN = "EXAMPLE-secret-token-7f3a";
const hangUp = operations.hangUp;

describe("the operation table", () => {
  it("marks the operations that may act twice as not idempotent", () => {
    for (const id of ["hangUp", "inviteParticipant", "deleteAttendees", "prolongMeeting"] as const) {
      if (id in operations) expect((operations as Record<string, { idempotent: boolean }>)[id]!.idempotent, id).toBe(false);
    }
    expect(operations.hangUp.idempotent).toBe(false);
    expect(operations.inviteShare.idempotent).toBe(true);
  });

  it("is looked up by method and path, under a baseUrl path prefix too; an unknown request goes by its method", () => {
    expect(repeatable("POST", `https://api.example${hangUp.path}?conferenceID=1`)).toBe(false);
    expect(repeatable("POST", `https://proxy.example/meeting${hangUp.path}?conferenceID=1`)).toBe(false);
    expect(repeatable("PUT", `https://api.example${operations.inviteShare.path}?conferenceID=1&participantID=p`)).toBe(true);
    expect(repeatable("POST", "https://api.example/v1/unknown")).toBe(false);
    expect(repeatable("GET", "https://api.example/v1/unknown")).toBe(true);
  });
});

describe.each(transports)("on the %s transport", (_transport, createMeetingClient) => {
  const servers: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  async function rig(script: Step[], options: MeetingClientOptions = {}) {
    const server = await startFaultServer(script);
    servers.push(server);
    const meeting = createMeetingClient({ baseUrl: server.url, maxRetries: 2, ...options });
    return { server, meeting, conf: meeting.conference(CONFERENCE, { token: TOKEN }) };
  }

  const sentHangUps = (server: FaultServer) => server.requests.filter((r) => r.method === "POST" && r.target.startsWith(hangUp.path)).length;
  const json = (status: number, headers: Record<string, string> = {}): Step => ({ status, headers, body: '{"error_code":"MMC.1","error_msg":"x"}' });

  describe("an operation that may act twice (hangUp)", () => {
    it("answered 500 is sent once only, and rejects with the error", async () => {
      const { server, conf } = await rig([json(500), { status: 200 }]);
      await expect(conf.hangUp(["p1"])).rejects.toBeInstanceOf(InternalServerError);
      expect(sentHangUps(server)).toBe(1);
    });

    it("answered 502, 504 or 408 is sent once only", async () => {
      for (const status of [502, 504, 408]) {
        const { server, conf } = await rig([json(status), { status: 200 }]);
        await expect(conf.hangUp(["p1"])).rejects.toMatchObject({ status });
        expect(sentHangUps(server), String(status)).toBe(1);
      }
    });

    it("whose connection is reset after the request was sent is sent once only", async () => {
      const { server, conf } = await rig(["reset", { status: 200 }]);
      const error = await conf.hangUp(["p1"]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MeetingConnectionError);
      expect(error).toMatchObject({ attempts: 1 });
      expect(sentHangUps(server)).toBe(1);
    });

    it("unanswered within the timeout is sent once only", async () => {
      const { server, conf } = await rig(["hang", { status: 200 }], { timeoutMs: 200 });
      await expect(conf.hangUp(["p1"])).rejects.toBeInstanceOf(MeetingTimeoutError);
      expect(sentHangUps(server)).toBe(1);
    });

    it("answered 503 or 429 with Retry-After is sent again, once the wait is over", async () => {
      for (const status of [503, 429]) {
        const { server, conf } = await rig([json(status, { "Retry-After": "0" }), { status: 200 }]);
        await expect(conf.hangUp(["p1"])).resolves.toBeUndefined();
        expect(sentHangUps(server), String(status)).toBe(2);
      }
    });

    it("answered 503 without Retry-After is sent once only", async () => {
      const { server, conf } = await rig([json(503), { status: 200 }]);
      await expect(conf.hangUp(["p1"])).rejects.toMatchObject({ status: 503 });
      expect(sentHangUps(server)).toBe(1);
    });

    it("refused a connection is sent again, and reaches the server that listens by then", async () => {
      // A port that was free a moment ago: the first attempt is refused; the server listens on
      // it as soon as the client reports that attempt, before its backoff is over.
      const port = await freePort();
      const received: string[] = [];
      const server: Server = createServer((req, res) => {
        received.push(`${req.method} ${req.url}`);
        req.resume().on("end", () => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
      });
      servers.push({ close: () => new Promise<void>((done) => server.close(() => done())) });
      const lines: string[] = [];
      const meeting = createMeetingClient({
        baseUrl: `http://127.0.0.1:${port}`,
        maxRetries: 2,
        logger: {
          debug: (line: string) => {
            lines.push(line);
            if (lines.length === 1) server.listen(port, "127.0.0.1");
          },
        },
      });
      await expect(meeting.conference(CONFERENCE, { token: TOKEN }).hangUp(["p1"])).resolves.toBeUndefined();
      expect(received).toEqual([`POST ${hangUp.path}?conferenceID=${CONFERENCE}`]);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/retrying in/);
    });

    it("sent through meeting.api follows the same rule: a 500 is not repeated", async () => {
      const { server, meeting } = await rig([json(500), { status: 200 }]);
      const { response } = await meeting.api.POST(hangUp.path, {
        params: { query: { conferenceID: CONFERENCE }, header: { "X-Conference-Authorization": TOKEN } },
        body: { bulkHangUpParticipants: ["p1"] },
      });
      expect(response.status).toBe(500);
      expect(sentHangUps(server)).toBe(1);
    });
  });

  describe("an idempotent operation (inviteShare) keeps its retries", () => {
    it("answered 500 twice, then 200: three attempts, and success", async () => {
      const { server, conf } = await rig([json(500), json(500), { status: 200 }]);
      await expect(conf.participant("p1").inviteToShare()).resolves.toBeUndefined();
      expect(server.requests).toHaveLength(3);
    });

    it("reset after sending, then 200: sent again", async () => {
      const { server, conf } = await rig(["reset", { status: 200 }]);
      await expect(conf.inviteToShare("p1")).resolves.toBeUndefined();
      expect(server.requests).toHaveLength(2);
    });

    it("unanswered within the timeout, then 200: sent again", async () => {
      const { server, conf } = await rig(["hang", { status: 200 }], { timeoutMs: 200 });
      await expect(conf.inviteToShare("p1")).resolves.toBeUndefined();
      expect(server.requests).toHaveLength(2);
    });
  });
});

/** A loopback port nobody listens on (just now). */
