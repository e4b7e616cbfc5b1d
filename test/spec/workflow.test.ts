// The Arazzo workflows run, step by step, against the Prism mock of the same spec.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { root } from "../../scripts/prism.js";

const run = promisify(execFile);

/** Runs every workflow of `file` with redocly respect against the Prism mock; what it printed and saved, and the workflows it ran. */
async function respect(file: string, secret: string): Promise<{ printed: string; workflows: any[] }> {
  const report = join(mkdtempSync(join(tmpdir(), "respect-")), "report.json");
  const { stdout } = await run(
    "npx",
    ["redocly", "respect", file, "--server", `meeting=${inject("prismUrl")}`, "--input", "conferenceID=986947855", "--input", `hostPassword=${secret}`, "--json-output", report],
    { cwd: root, env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
  );
  const saved = readFileSync(report, "utf8");
  return { printed: stdout + saved, workflows: JSON.parse(saved).files[file].executedWorkflows };
}

/** Every check passed, and Prism found every request valid. */
function expectAllPassed(steps: any[]) {
  for (const step of steps) {
    expect(step.checks.length).toBeGreaterThan(0);
    expect(step.checks.filter((c: any) => !c.passed)).toEqual([]);
    expect(step.response.headers["sl-violations"]).toBeUndefined();
  }
}

describe("meeting-share.arazzo.yaml", () => {
  const secret = "EXAMPLE-host-password-respect";
  let printed = "";
  let workflows: any[] = [];

  // One respect run executes every workflow; each test reads its own.
  beforeAll(async () => {
    ({ printed, workflows } = await respect("meeting-share.arazzo.yaml", secret));
  }, 90_000);

  const stepsOf = (workflowId: string): any[] => workflows.find((w) => w.workflowId === workflowId)?.executedSteps ?? [];

  it("runs both workflows", () => {
    expect(workflows.map((w) => w.workflowId)).toEqual(["inviteFirstParticipantToShare", "lockSharingThenInvite"]);
  });

  it("inviteFirstParticipantToShare passes every step and check with redocly respect against the Prism mock", () => {
    const steps = stepsOf("inviteFirstParticipantToShare");
    expect(steps.map((s) => [s.stepId, s.request.method, new URL(s.request.url).pathname, s.response.statusCode])).toEqual([
      ["obtainToken", "get", "/v1/mmc/control/conferences/token", 200],
      ["listParticipants", "get", "/v1/mmc/control/conferences/realTimeInfo", 200],
      ["inviteToShare", "put", "/v1/mmc/control/conferences/participants/share/invite", 200],
      ["cancelInvitation", "put", "/v1/mmc/control/conferences/participants/share/invite", 200],
    ]);
    expectAllPassed(steps);
    // Outputs are wired: the first participant's pid is the one invited, then uninvited.
    const pid = steps[1].response.body.participants[0].pid;
    expect(new URL(steps[2].request.url).searchParams.get("participantID")).toBe(pid);
    expect(new URL(steps[3].request.url).searchParams.get("participantID")).toBe(pid);
    expect([steps[2].request.body, steps[3].request.body]).toEqual([{ share: 1 }, { share: 0 }]);
  });

  it("lockSharingThenInvite locks sharing, invites, unlocks: every step and check passes", () => {
    const steps = stepsOf("lockSharingThenInvite");
    const settings = "/v1/mmc/control/conferences/updateStartedConfConfig";
    expect(steps.map((s) => [s.stepId, s.request.method, new URL(s.request.url).pathname, s.response.statusCode])).toEqual([
      ["obtainToken", "get", "/v1/mmc/control/conferences/token", 200],
      ["listParticipants", "get", "/v1/mmc/control/conferences/realTimeInfo", 200],
      ["lockSharing", "put", settings, 200],
      ["inviteToShare", "put", "/v1/mmc/control/conferences/participants/share/invite", 200],
      ["unlockSharing", "put", settings, 200],
    ]);
    expectAllPassed(steps);
    expect(steps.map((s) => s.request.body ?? null)).toEqual([null, null, { lockSharing: 1 }, { share: 1 }, { lockSharing: 0 }]);
    // respect masks the token in its report: that each later step sent one is what can be seen.
    for (const step of steps.slice(1)) expect(step.request.headers["x-conference-authorization"]).toMatch(/^\*+$/);
  });

  it("respect masks the password in what it prints and saves", () => {
    expect(printed.length).toBeGreaterThan(0);
    expect(printed).not.toContain(secret);
  });
});

describe("meeting-moderation.arazzo.yaml", () => {
  const secret = "EXAMPLE-host-password-moderation";
  let printed = "";
  let steps: any[] = [];

  beforeAll(async () => {
    const result = await respect("meeting-moderation.arazzo.yaml", secret);
    printed = result.printed;
    expect(result.workflows.map((w) => w.workflowId)).toEqual(["moderatePresentation"]);
    steps = result.workflows[0].executedSteps;
  }, 90_000);

  it("moderatePresentation locks sharing, mutes all, invites and broadcasts the presenter, cancels, unmutes: every step and check passes", () => {
    const control = "/v1/mmc/control/conferences";
    expect(steps.map((s) => [s.stepId, s.request.method, new URL(s.request.url).pathname, s.response.statusCode])).toEqual([
      ["obtainToken", "get", `${control}/token`, 200],
      ["listParticipants", "get", `${control}/realTimeInfo`, 200],
      ["lockSharing", "put", `${control}/updateStartedConfConfig`, 200],
      ["muteAll", "put", `${control}/mute`, 200],
      ["inviteToShare", "put", `${control}/participants/share/invite`, 200],
      ["broadcastPresenter", "put", `${control}/participants/broadcast`, 200],
      ["cancelInvitation", "put", `${control}/participants/share/invite`, 200],
      ["unmuteAll", "put", `${control}/mute`, 200],
    ]);
    expectAllPassed(steps);
    expect(steps.map((s) => s.request.body ?? null)).toEqual([null, null, { lockSharing: 1 }, { isMute: 1 }, { share: 1 }, null, { share: 0 }, { isMute: 0 }]);
  });

  it("invites, broadcasts and uninvites the same presenter: the first participant's pid", () => {
    const pid = steps[1].response.body.participants[0].pid;
    for (const step of [steps[4], steps[5], steps[6]]) expect(new URL(step.request.url).searchParams.get("participantID")).toBe(pid);
    for (const step of steps.slice(1)) expect(step.request.headers["x-conference-authorization"]).toMatch(/^\*+$/);
  });

  it("respect masks the password in what it prints and saves", () => {
    expect(printed.length).toBeGreaterThan(0);
    expect(printed).not.toContain(secret);
  });
});
