// Property-based: whatever valid IDs a caller passes, the server receives exactly those.
// A failure prints fast-check's seed and path; rerun with FC_SEED=<seed> to replay it.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMeetingClient, MeetingInputError } from "../../src/node.js";
import { startRecorder, type Recorder } from "../support/servers/recorder.js";

const seed = Number(process.env.FC_SEED ?? 20261125);
const numRuns = 1000;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Characters that break naive URL building, then anything else Unicode has. */
const tricky = fc.constantFrom(
  "&",
  "=",
  "#",
  "?",
  "/",
  "%",
  "+",
  " ",
  ";",
  ",",
  "[",
  "]",
  "@",
  ":",
  "$",
  "'",
  "!",
  "*",
  "(",
  ")",
  "\\",
  "%20",
  "%2B",
  "%zz",
  "é",
  "中",
  "😀",
  "\u00a0",
  "\u200b",
  "\ufeff",
);
const unit = fc.oneof(tricky, fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }));
const validId = fc.string({ unit, minLength: 1, maxLength: 40 }).filter((s) => s.length <= 256 && !CONTROL.test(s));

let server: Recorder;
beforeAll(async () => {
  server = await startRecorder(() => ({ body: '{"participants":[]}' }));
});
afterAll(() => server.close());

const client = () => createMeetingClient({ baseUrl: server.url, maxRetries: 0 });

describe("exact encoding of IDs", () => {
  it("inviteToShare: the server parses back the very conferenceID and participantID, and nothing else", async () => {
    const meeting = client();
    await fc.assert(
      fc.asyncProperty(validId, validId, fc.boolean(), async (conferenceID, participantID, invite) => {
        server.requests.length = 0;
        const conf = meeting.conference(conferenceID, { token: "t" });
        await (invite ? conf.inviteToShare(participantID) : conf.cancelShareInvitation(participantID));
        expect(server.requests).toHaveLength(1);
        const url = new URL(server.requests[0]!.target, "http://recorder.test");
        expect(url.pathname).toBe("/v1/mmc/control/conferences/participants/share/invite");
        expect([...url.searchParams]).toEqual([
          ["conferenceID", conferenceID],
          ["participantID", participantID],
        ]);
        expect(url.hash).toBe("");
        expect(server.requests[0]!.body).toBe(invite ? '{"share":1}' : '{"share":0}');
      }),
      { numRuns, seed },
    );
  });

  it("realTimeInfo: the server parses back the very conferenceID, and nothing else", async () => {
    const meeting = client();
    await fc.assert(
      fc.asyncProperty(validId, async (conferenceID) => {
        server.requests.length = 0;
        await meeting.conference(conferenceID, { token: "t" }).realTimeInfo();
        const url = new URL(server.requests[0]!.target, "http://recorder.test");
        expect(url.pathname).toBe("/v1/mmc/control/conferences/realTimeInfo");
        expect([...url.searchParams]).toEqual([["conferenceID", conferenceID]]);
      }),
      { numRuns, seed },
    );
  });

  it("an ID with a control character or a lone surrogate is refused, and nothing is sent", async () => {
    const meeting = client();
    const bad = fc.constantFrom("\u0000", "\n", "\r", "\t", "\u001b", "\u007f", "\u0085", "\ud800", "\udfff");
    const invalidId = fc.tuple(validId, bad, validId).map(([a, b, c]) => a + b + c);
    await fc.assert(
      fc.asyncProperty(invalidId, fc.boolean(), async (id, asConference) => {
        server.requests.length = 0;
        const call = async () => {
          const conf = meeting.conference(asConference ? id : "986947855", { token: "t" });
          await conf.inviteToShare(asConference ? "p1" : id);
        };
        await expect(call()).rejects.toMatchObject({ name: "MeetingInputError", field: asConference ? "conferenceID" : "participantID" });
        expect(server.requests).toHaveLength(0);
      }),
      { numRuns, seed },
    );
  });

  it("a token that is no valid header value is refused without echoing it", async () => {
    const meeting = client();
    const bad = fc.constantFrom("\r\n", "\n", "\r", "\u0000", "\u007f", "中", "😀", "\u0100");
    const invalidToken = fc
      .tuple(fc.string({ unit: "grapheme-ascii", minLength: 8, maxLength: 20 }), bad, fc.string({ unit: "grapheme-ascii", maxLength: 10 }))
      .map(([a, b, c]) => `SECRET${a}${b}${c}`);
    await fc.assert(
      fc.property(invalidToken, (token) => {
        let error: unknown;
        try {
          meeting.conference("986947855", { token });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(MeetingInputError);
        expect((error as MeetingInputError).field).toBe("auth.token");
        expect((error as Error).message).not.toContain(token.trim());
        expect(server.requests).toHaveLength(0);
      }),
      { numRuns, seed },
    );
  });
});
