// meeting-control watch and share invite --wait against the scripted loopback channel server:
// driven through main() in-process, and once through the real bin, spawned as a shell would.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { root } from "../../scripts/prism.js";
import { main } from "../../src/cli/main.js";
import { FIXED_TOKEN, PASSWORD, startChannelServer, type ChannelServer } from "../support/servers/channel.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs main() as the bin does; `onLine` sees each line printed on stdout as it comes. */
async function run(args: string[], env: Record<string, string>, onLine?: (line: string) => void): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    env,
    stdin: Readable.from([]),
    out: (text) => {
      out.push(text);
      for (const line of text.split("\n")) onLine?.(line);
    },
    err: (text) => err.push(text),
  });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** The real bin, spawned. */
function spawned(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "src", "cli", "bin.ts"), ...args], { cwd: root, env: { PATH: process.env.PATH, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

let server: ChannelServer;
let common: string[];
beforeEach(async () => {
  server = await startChannelServer();
  server.join("p1", { NAME: "Alice", SHARE: "0" });
  common = ["--conference", server.conferenceID, "--base-url", server.url];
});
afterEach(() => server.close());

describe("meeting-control and the event channel", () => {
  it("watch --json: one JSON event per line as they come, exit 0 when the meeting ends", async () => {
    const result = await run(["watch", ...common, "--json"], { MEETING_HOST_PASSWORD: PASSWORD }, (line) => {
      const event = JSON.parse(line) as { type: string };
      if (event.type === "meetingUpdated" && server.participants.size === 1) server.join("p2", { NAME: "Bob", SHARE: "1" });
      if (event.type === "shareStarted") server.end();
    });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const types = result.stdout.split("\n").map((line) => (JSON.parse(line) as { type: string }).type);
    expect(types).toEqual(["participantJoined", "meetingUpdated", "participantJoined", "shareStarted", "meetingUpdated"]);
  });

  it("watch: readable lines, with a token and --ws-url", async () => {
    const result = await run(["watch", ...common, "--ws-url", server.wsUrl], { MEETING_CONTROL_TOKEN: FIXED_TOKEN }, (line) => {
      if (line.startsWith("meeting updated")) server.update("p1", { SHARE: "1" });
      if (line.startsWith("sharing started")) server.end();
    });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout.split("\n")).toEqual([
      "joined             p1  Alice",
      "meeting updated    state=Created lock=0 lockSharing=0",
      "updated            p1  Alice  SHARE=1",
      "sharing started    p1  Alice",
      "meeting updated    state=Destroyed",
      "Conference 986947855 has ended.",
    ]);
  });

  it("watch --verbose: the channel's steps on stderr, no secret in them", async () => {
    const result = await run(["watch", ...common, "--verbose"], { MEETING_HOST_PASSWORD: PASSWORD }, (line) => {
      if (line.startsWith("meeting updated")) server.end();
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^meeting-control events: connecting to ws:\/\/127\.0\.0\.1:\d+ \(attempt 1\) \{"conferenceID":"986947855"\}$/m);
    expect(result.stderr).toMatch(/^meeting-control events: subscribed \{"conferenceID":"986947855"\}$/m);
    for (const secret of [PASSWORD, ...server.controlTokens.slice(1), ...server.wsTokens]) expect(result.stderr).not.toContain(secret);
  });

  it("watch with a token but no --ws-url: a usage error that says what is missing", async () => {
    const result = await run(["watch", ...common], { MEETING_CONTROL_TOKEN: FIXED_TOKEN });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^meeting-control: wsUrl is needed for the event channel of a \{ token \} handle/);
  });

  it("share invite --wait: exit 0 once the participant shares", async () => {
    server.onInvite = (pid) => setTimeout(() => server.update(pid, { SHARE: "1" }), 50);
    const result = await run(["share", "invite", ...common, "--participant", "p1", "--wait"], { MEETING_HOST_PASSWORD: PASSWORD });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe("Invited p1 to share their screen in conference 986947855.\np1 is sharing their screen.");
    expect(server.invites).toEqual([{ participantID: "p1", share: 1 }]);
  });

  it("share invite --wait --timeout: the bin exits 6 when the participant does not share in time", async () => {
    const result = await spawned(["share", "invite", ...common, "--participant", "p1", "--wait", "--timeout", "0.5"], { MEETING_HOST_PASSWORD: PASSWORD });
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(/^meeting-control: participant p1 did not start sharing within 500 ms$/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  });
});
