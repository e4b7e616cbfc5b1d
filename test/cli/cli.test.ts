// The real bin, spawned as a shell would, against the Prism mock and loopback servers: the built
// one that installs as `meeting-control` (dist/cli/bin.js; the global set-up rebuilds dist/ when a
// source changed), which also starts in a quarter of the time tsx takes over src/.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort, root } from "../../scripts/prism.js";
import { startFaultServer, type FaultServer } from "../support/servers/faults.js";
import { startRecorder, type Recorder } from "../support/servers/recorder.js";
import { commands as generated } from "../../src/generated/commands.js";

const bin = join(root, "dist", "cli", "bin.js");
const PASSWORD = "SECRET-cli-pw-61f0";
const TOKEN = "SECRET-cli-token-a9e2";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `meeting-control args…` with only the given environment (plus PATH) and standard input. */
function cli(args: string[], env: Record<string, string> = {}, stdin = ""): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const prism = () => ["--base-url", inject("prismUrl")];
const conference = ["--conference", "986947855"];

/** Nothing a user sees holds a secret, and no expected failure prints a stack trace. */
function expectClean({ stdout, stderr }: Run, secrets = [PASSWORD, TOKEN]) {
  for (const secret of secrets) {
    expect(stdout).not.toContain(secret);
    expect(stderr).not.toContain(secret);
  }
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe.concurrent("meeting-control against the Prism mock", () => {
  it("participants: a readable table on stdout", async () => {
    const run = await cli(["participants", ...conference, ...prism()], { MEETING_HOST_PASSWORD: PASSWORD });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout.split("\n")[0]).toMatch(/^PID\s+NAME\s+STATE\s+MICROPHONE\s+MEDIA$/);
    expect(run.stdout).toMatch(/^4a5rg64ag5p8pvvnam1rr6m8lqra6a61\s+Alice\s+in the meeting\s+muted\s+video$/m);
    expect(run.stdout).toMatch(/^9b2c7d41e0f3a5b6c8d9e0f1a2b3c4d5\s+Bob\s+in the meeting\s+on\s+audio$/m);
    expectClean(run);
  });

  it("participants --json: the participants as JSON, for scripts", async () => {
    const run = await cli(["participants", ...conference, ...prism(), "--json"], { MEETING_CONTROL_TOKEN: TOKEN });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      { pid: "4a5rg64ag5p8pvvnam1rr6m8lqra6a61", name: "Alice", phone: "+8613900000001", state: 0, video: 1, mute: 1, hand: 0 },
      { pid: "9b2c7d41e0f3a5b6c8d9e0f1a2b3c4d5", name: "Bob", phone: "+8613900000002", state: 0, video: 0, mute: 0, hand: 1 },
    ]);
  });

  it("token: prints a fresh control token alone on stdout", async () => {
    const run = await cli(["token", ...conference, ...prism()], { MEETING_HOST_PASSWORD: PASSWORD });
    expect(run).toEqual({ code: 0, stdout: "EXAMPLE-control-token\n", stderr: "" });
  });

  it.each(["participants", "share invite", "share cancel", "token"])("%s --help: its usage on stdout, exit 0", async (command) => {
    const run = await cli([...command.split(" "), "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: meeting-control ${command} --conference ID`);
    expect(run.stdout).toContain("MEETING_HOST_PASSWORD");
    expect(run.stderr).toBe("");
  });

  it("--help: the commands on stdout, exit 0; no arguments: the same on stderr, exit 2", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["participants", "share invite", "share cancel", "share lock", "share unlock", "token"]) expect(help.stdout).toContain(command);
    const none = await cli([]);
    expect(none).toMatchObject({ code: 2, stdout: "" });
    expect(none.stderr).toContain("Usage: meeting-control <command>");
  });
});

// Outside the concurrent block: a spawned bin is slow on a loaded machine, and these need not wait on each other.
describe("share lock and unlock against the Prism mock", () => {
  it.each([
    ["lock", "Locked sharing in conference 986947855: only the host may share.\n"],
    ["unlock", "Unlocked sharing in conference 986947855: participants may share.\n"],
  ])("share %s: Prism finds the requests valid; the result on stdout", async (verb, stdout) => {
    const run = await cli(["share", verb, ...conference, ...prism(), "--verbose"], { MEETING_HOST_PASSWORD: PASSWORD });
    expect(run).toMatchObject({ code: 0, stdout });
    expect(run.stderr).toMatch(/GET .+\/token\?conferenceID=986947855 attempt 1\/3 → 200/);
    expect(run.stderr).toMatch(/PUT .+\/updateStartedConfConfig\?conferenceID=986947855 attempt 1\/3 → 200/);
    expect(run.stderr).not.toContain("sl-violations");
    expectClean(run);
  });

  it.each(["share lock", "share unlock"])("%s --help: its usage on stdout, exit 0", async (command) => {
    const run = await cli([...command.split(" "), "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: meeting-control ${command} --conference ID [options]`);
    expect(run.stdout).toContain("MEETING_HOST_PASSWORD");
    expect(run.stderr).toBe("");
  });
});

describe("share invite and cancel, as the server receives them", () => {
  let server: Recorder;
  beforeAll(async () => {
    server = await startRecorder(({ target }) => (target.startsWith("/v1/mmc/control/conferences/token") ? { body: JSON.stringify({ data: { token: TOKEN } }) } : {}));
  });
  afterAll(() => server.close());

  it.each([
    ["invite", '{"share":1}', "Invited p1 to share their screen in conference 986947855."],
    ["cancel", '{"share":0}', "Cancelled the invitation of p1 to share in conference 986947855."],
  ])("share %s", async (verb, body, message) => {
    server.requests.length = 0;
    const run = await cli(["share", verb, ...conference, "--participant", "p1", "--base-url", server.url], { MEETING_HOST_PASSWORD: PASSWORD });
    expect(run).toEqual({ code: 0, stdout: `${message}\n`, stderr: "" });
    const [token, call] = server.requests;
    expect(token!.headers["x-password"]).toBe(PASSWORD);
    expect(call).toMatchObject({ method: "PUT", target: "/v1/mmc/control/conferences/participants/share/invite?conferenceID=986947855&participantID=p1", body });
    expect(call!.headers["x-conference-authorization"]).toBe(TOKEN);
  });

  it.each([
    ["lock", '{"lockSharing":1}', "Locked sharing in conference 986947855: only the host may share."],
    ["unlock", '{"lockSharing":0}', "Unlocked sharing in conference 986947855: participants may share."],
  ])("share %s", async (verb, body, message) => {
    server.requests.length = 0;
    const run = await cli(["share", verb, ...conference, "--base-url", server.url], { MEETING_CONTROL_TOKEN: TOKEN });
    expect(run).toEqual({ code: 0, stdout: `${message}\n`, stderr: "" });
    expect(server.requests).toHaveLength(1);
    const [call] = server.requests;
    expect(call).toMatchObject({ method: "PUT", target: "/v1/mmc/control/conferences/updateStartedConfConfig?conferenceID=986947855", body });
    expect(call!.headers["x-conference-authorization"]).toBe(TOKEN);
  });

  it("share lock takes no --participant", async () => {
    server.requests.length = 0;
    const run = await cli(["share", "lock", ...conference, "--participant", "p1", "--base-url", server.url], { MEETING_CONTROL_TOKEN: TOKEN });
    expect(run.code).toBe(2);
    // A usage error is one line, and where to read the usage.
    expect(run.stderr).toBe("meeting-control: unknown option --participant\nRun 'meeting-control share lock --help' for usage.\n");
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ["--password-stdin", "x-password", PASSWORD],
    ["--token-stdin", "x-conference-authorization", TOKEN],
  ])("%s reads the secret from standard input", async (flag, header, secret) => {
    server.requests.length = 0;
    const run = await cli(["share", "invite", ...conference, "--participant", "p1", "--base-url", server.url, flag], {}, `${secret}\n`);
    expect(run.code).toBe(0);
    expect(server.requests[0]!.headers[header]).toBe(secret);
  });

  it("--verbose shows each attempt on stderr, secrets redacted", async () => {
    const run = await cli(["share", "invite", ...conference, "--participant", "p1", "--base-url", server.url, "--verbose"], { MEETING_HOST_PASSWORD: PASSWORD });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/v1\/mmc\/control\/conferences\/token\?conferenceID=986947855 attempt 1\/3 → 200/);
    expect(run.stderr).toMatch(/PUT .+\/share\/invite\?conferenceID=986947855&participantID=p1 attempt 1\/3 → 200/);
    expect(run.stderr).toContain('"x-password":"[redacted]"');
    expectClean(run);
  });
});

describe("failures and their exit codes", () => {
  let fault: FaultServer;
  afterAll(() => fault?.close());

  it.each([
    ["missing credentials", ["participants", ...conference], {}, "credentials are missing", "participants"],
    [
      "two sources of credentials",
      ["participants", ...conference],
      { MEETING_HOST_PASSWORD: PASSWORD, MEETING_CONTROL_TOKEN: TOKEN },
      "credentials must come from one source",
      "participants",
    ],
    ["no --conference", ["participants"], { MEETING_CONTROL_TOKEN: TOKEN }, "--conference is required", "participants"],
    [
      "a bad conference ID",
      ["participants", "--conference", "98\u0007"],
      { MEETING_CONTROL_TOKEN: TOKEN },
      "--conference must not hold control characters or lone surrogates",
      "participants",
    ],
    ["an empty conference ID", ["participants", "--conference", ""], { MEETING_CONTROL_TOKEN: TOKEN }, "--conference must not be empty", "participants"],
    ["no --participant", ["share", "invite", ...conference], { MEETING_CONTROL_TOKEN: TOKEN }, "--participant is required", "share invite"],
    ["an unknown command", ["frobnicate", ...conference], { MEETING_CONTROL_TOKEN: TOKEN }, "unknown command: frobnicate", undefined],
    ["a misspelt command", ["participant", ...conference], { MEETING_CONTROL_TOKEN: TOKEN }, "unknown command: participant — did you mean participants?", undefined],
    ["an unknown option", ["participants", ...conference, "--fast"], { MEETING_CONTROL_TOKEN: TOKEN }, "unknown option --fast", "participants"],
    [
      "a misspelt option",
      ["participants", "--conferenceID", "986947855"],
      { MEETING_CONTROL_TOKEN: TOKEN },
      "unknown option --conferenceID — did you mean --conference?",
      "participants",
    ],
    ["an option without its value", ["participants", "--conference"], { MEETING_CONTROL_TOKEN: TOKEN }, "--conference needs a value", "participants"],
    ["a secret on the command line", ["participants", ...conference, "--token", TOKEN], { MEETING_CONTROL_TOKEN: TOKEN }, "unknown option --token", "participants"],
    [
      "a bad --timeout",
      ["participants", ...conference, "--timeout", "soon"],
      { MEETING_CONTROL_TOKEN: TOKEN },
      '--timeout must be a number of seconds above 0, got "soon"',
      "participants",
    ],
    ["a bad --retries", ["participants", ...conference, "--retries", "1.5"], { MEETING_CONTROL_TOKEN: TOKEN }, "--retries must be a whole number from 0 to 10", "participants"],
    [
      "a bad --region",
      ["participants", ...conference, "--region", "eu-west-0"],
      { MEETING_CONTROL_TOKEN: TOKEN },
      "--region must be one of cn-north-4, ap-southeast-1",
      "participants",
    ],
    [
      "an http base URL to a real host",
      ["participants", ...conference, "--base-url", "http://api.meeting.huaweicloud.com"],
      { MEETING_CONTROL_TOKEN: TOKEN },
      "--base-url must be https: (http: only to a loopback host)",
      "participants",
    ],
    [
      "an env token that is no header value",
      ["participants", ...conference],
      { MEETING_CONTROL_TOKEN: `${TOKEN}\u0001` },
      "MEETING_CONTROL_TOKEN must be a header value",
      "participants",
    ],
    ["an empty env password", ["token", ...conference], { MEETING_HOST_PASSWORD: "" }, "MEETING_HOST_PASSWORD must not be empty", "token"],
  ])("%s: exit 2, one line in the command line's terms and where the usage is", async (_, args, env, reason, command) => {
    const run = await cli(args as string[], env as Record<string, string>);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    const help = command ? `meeting-control ${command} --help` : "meeting-control --help";
    expect(run.stderr).toBe(`meeting-control: ${reason}${run.stderr.split("\n")[0]!.slice(`meeting-control: ${reason}`.length)}\nRun '${help}' for usage.\n`);
    expect(run.stderr.split("\n")[0]).toContain(reason);
    expect(run.stderr.replace(reason, "")).not.toMatch(/baseUrl|timeoutMs|maxRetries|conferenceID|participantID|auth\.|allowInsecureHttp|Usage:/);
    expectClean(run, [PASSWORD]);
  });

  it("anything unforeseen: exit 1 and one line, never a stack trace or another code", async () => {
    const { main } = await import("../../src/cli/main.js");
    const errors: string[] = [];
    const code = await main(["token", ...conference], {
      env: { MEETING_CONTROL_TOKEN: TOKEN },
      stdin: process.stdin,
      out: () => {
        throw new TypeError("stdout is gone");
      },
      err: (text) => errors.push(text),
    });
    expect(code).toBe(1);
    expect(errors).toEqual(["meeting-control: unexpected failure (a bug: please report it): stdout is gone"]);
  });

  it("--version: the package's version on stdout, exit 0, at the top and in a command", async () => {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect(await cli(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    expect(await cli(["token", "--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it.each([
    ["x", 401, 3],
    ["t", 401, 3],
    ["content", 401, 3],
    ["ab", 400, 4],
  ])("a short token (%j) and a %i echoing it: the documented exit code %i, the request ID intact", async (token, status, code) => {
    fault = await startFaultServer([
      {
        status,
        headers: { "access-control-expose-headers": "x-request-id", "x-request-id": "f78b007ec2dabf1498620131c7bc19e0", "x-echo": token },
        body: JSON.stringify({ error_code: "MMC.118000001", error_msg: "content refused", token }),
      },
    ]);
    const run = await cli(["participants", ...conference, "--base-url", fault.url], { MEETING_CONTROL_TOKEN: token });
    expect(run.code).toBe(code);
    expect(run.stderr).toContain("requestId: f78b007ec2dabf1498620131c7bc19e0");
    expect(run.stderr).toContain("errorMsg:  content refused");
    await fault.close();
  });

  it.each([600, 999])("a status %i: exit 4, not retried", async (status) => {
    fault = await startFaultServer([{ status, body: '{"error_code":"X.1"}' }]);
    const run = await cli(["participants", ...conference, "--base-url", fault.url], { MEETING_CONTROL_TOKEN: TOKEN });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(`GET /v1/mmc/control/conferences/realTimeInfo: HTTP ${status} X.1`);
    expect(fault.requests).toHaveLength(1);
    await fault.close();
  });

  it("an authentication failure: exit 3", async () => {
    fault = await startFaultServer([{ status: 401, headers: { "x-request-id": "req-401" }, body: '{"error_code":"MMC.118000001","error_msg":"USER_TOKEN_AUTH_FAILED"}' }]);
    const run = await cli(["participants", ...conference, "--base-url", fault.url], { MEETING_CONTROL_TOKEN: TOKEN });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("errorCode: MMC.118000001");
    expect(run.stderr).toContain("requestId: req-401");
    expectClean(run);
    await fault.close();
  });

  it("another API error: exit 4 with errorCode, errorMsg and requestId", async () => {
    fault = await startFaultServer([
      { status: 400, headers: { "x-request-id": "req-400" }, body: '{"error_code":"MMC.111070005","error_msg":"conference does not exist or is out of date"}' },
    ]);
    const run = await cli(["share", "invite", "--conference", "000000000", "--participant", "p1", "--base-url", fault.url], { MEETING_CONTROL_TOKEN: TOKEN });
    expect(run.code).toBe(4);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("errorCode: MMC.111070005");
    expect(run.stderr).toContain("errorMsg:  conference does not exist or is out of date");
    expect(run.stderr).toContain("requestId: req-400");
    expectClean(run);
    await fault.close();
  });

  it("a refused connection: exit 5", async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const run = await cli(["participants", ...conference, "--base-url", closed, "--retries", "0"], { MEETING_CONTROL_TOKEN: TOKEN });
    expect(run.code).toBe(5);
    expect(run.stderr).toContain("ECONNREFUSED");
    expectClean(run);
  });

  it("a timeout: exit 5", async () => {
    fault = await startFaultServer(["hang"]);
    const run = await cli(["participants", ...conference, "--base-url", fault.url, "--timeout", "0.2", "--retries", "0"], { MEETING_CONTROL_TOKEN: TOKEN });
    expect(run.code).toBe(5);
    expect(run.stderr).toContain("no complete answer within 200 ms");
    expectClean(run);
    await fault.close();
  });
});

describe("the commands generated from the spec", () => {
  let server: Recorder;
  beforeAll(async () => {
    server = await startRecorder();
  });
  afterAll(() => server.close());
  const recorder = () => ["--base-url", server.url];

  it("--help lists every facade method's command with the spec's summary", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(generated.length).toBeGreaterThan(5);
    for (const { command, summary } of generated) {
      const line = help.stdout.split("\n").find((l) => l.trimStart().startsWith(`${command} `));
      expect(line, command).toBeDefined();
      expect(line!.toLowerCase(), command).toContain(summary.replace(/\.$/, "").toLowerCase());
    }
  });

  it("a command's --help: its usage with the required flags, the summary, a flag per field", async () => {
    const run = await cli(["hang-up", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: meeting-control hang-up --conference ID --bulk-hang-up-participants TEXT[,TEXT…] [options]");
    expect(run.stdout).toContain(generated.find((c) => c.command === "hang-up")!.summary);
    const mute = await cli(["mute-all", "--help"]);
    expect(mute.stdout).toMatch(/--allow-unmute-by-oneself N\s+whether participants may unmute themselves.*\(0, 1\)/);
    expect((await cli(["mute", "--help"])).stdout).toContain("Usage: meeting-control mute --conference ID --participant PID [options]");
  });

  it("mute --participant PID: Prism finds the request valid", async () => {
    const run = await cli(["mute", ...conference, "--participant", "4a5rg64ag5p8pvvnam1rr6m8lqra6a61", ...prism(), "--verbose"], { MEETING_CONTROL_TOKEN: TOKEN });
    expect(run.stdout).toBe("Done: Mutes the participant's microphone (conference 986947855, participant 4a5rg64ag5p8pvvnam1rr6m8lqra6a61).\n");
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/PUT .+\/participants\/mute\?conferenceID=986947855&participantID=4a5rg64ag5p8pvvnam1rr6m8lqra6a61 attempt 1\/3 → 200/);
    expect(run.stderr).not.toContain("sl-violations");
    expectClean(run);
  });

  it("mute-all with a number flag, and real-time-info as JSON: Prism finds the requests valid", async () => {
    const muted = await cli(["mute-all", ...conference, "--allow-unmute-by-oneself", "0", ...prism()], { MEETING_HOST_PASSWORD: PASSWORD });
    expect(muted).toMatchObject({ code: 0, stderr: "" });
    const info = await cli(["real-time-info", ...conference, ...prism()], { MEETING_CONTROL_TOKEN: TOKEN });
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout).participants[0].pid).toBe("4a5rg64ag5p8pvvnam1rr6m8lqra6a61");
  });

  it("a field that is a list of objects takes JSON: invite-participants --attendees, and Prism finds the request valid", async () => {
    const attendees = '[{"name":"Carol","phone":"+8613900000001","type":"normal"}]';
    const run = await cli(["invite-participants", ...conference, "--attendees", attendees, ...prism(), "--verbose"], { MEETING_CONTROL_TOKEN: TOKEN });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/POST .+\/participants\?conferenceID=986947855 attempt 1\/3 → 200/);
    expectClean(run);
    server.requests.length = 0;
    await cli(["invite-participants", ...conference, "--attendees", attendees, ...recorder()], { MEETING_CONTROL_TOKEN: TOKEN });
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ attendees: JSON.parse(attendees) });
  });

  it("hang-up takes a list comma-separated or repeated, and sends it as the body's list", async () => {
    server.requests.length = 0;
    const comma = await cli(["hang-up", ...conference, "--bulk-hang-up-participants", "p1,p2", ...recorder()], { MEETING_CONTROL_TOKEN: TOKEN });
    const repeated = await cli(["hang-up", ...conference, "--bulk-hang-up-participants", "p1", "--bulk-hang-up-participants", "p2", ...recorder()], {
      MEETING_CONTROL_TOKEN: TOKEN,
    });
    expect([comma.code, repeated.code]).toEqual([0, 0]);
    expect(server.requests.map((r) => [r.method, r.target, r.body])).toEqual([
      ["POST", "/v1/mmc/control/conferences/participants/delete?conferenceID=986947855", '{"bulkHangUpParticipants":["p1","p2"]}'],
      ["POST", "/v1/mmc/control/conferences/participants/delete?conferenceID=986947855", '{"bulkHangUpParticipants":["p1","p2"]}'],
    ]);
    expect(server.requests[0]!.headers["x-conference-authorization"]).toBe(TOKEN);
  });

  it.each([
    [["mute-all", "--allow-unmute-by-oneself", "3"], "--allow-unmute-by-oneself must be one of 0, 1, got 3"],
    [["mute-all", "--allow-unmute-by-oneself", "one"], '--allow-unmute-by-oneself must be a number, got "one"'],
    [["hang-up"], "--bulk-hang-up-participants is required"],
    [["prolong", "--auto", "1", "--duration", "1.5"], "--duration must be an int32 integer, got 1.5"],
    [["invite-participants", "--attendees", "{"], "--attendees must be JSON"],
    [["mute"], "--participant is required"],
    [["rename", "--participant", "p1", "--number", "1"], "--new-name is required"],
  ])("%j: a usage error naming the flag, exit 2, nothing sent", async (args, message) => {
    server.requests.length = 0;
    const run = await cli([...args, ...conference, ...recorder()], { MEETING_CONTROL_TOKEN: TOKEN });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`meeting-control: ${message}\nRun 'meeting-control ${args[0]} --help' for usage.\n`);
    expect(server.requests).toHaveLength(0);
  });
});
