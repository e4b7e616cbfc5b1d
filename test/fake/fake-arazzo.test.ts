// An independent check of the fake: the Arazzo workflow, run by `redocly respect` (which
// validates every answer against openapi.yaml), passes against it over loopback.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { root } from "../../scripts/prism.js";
import { createMeetingFake } from "../../src/testing/index.js";
import { HOST_PASSWORD } from "../support/fake-helpers.js";

it("meeting-share.arazzo.yaml passes every step and check against the fake, with the fake's state behind it", async () => {
  const fake = createMeetingFake();
  const meeting = fake.addMeeting({ hostPassword: HOST_PASSWORD });
  const alice = meeting.join({ name: "Alice" });
  const server = await fake.listen();
  try {
    const report = join(mkdtempSync(join(tmpdir(), "respect-")), "report.json");
    const { stdout } = await promisify(execFile)(
      "npx",
      [
        "redocly",
        "respect",
        "meeting-share.arazzo.yaml",
        "--server",
        `meeting=${server.url}`,
        "--input",
        `conferenceID=${meeting.conferenceID}`,
        "--input",
        `hostPassword=${HOST_PASSWORD}`,
        "--json-output",
        report,
      ],
      { cwd: root, env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
    );
    const workflows = JSON.parse(readFileSync(report, "utf8")).files["meeting-share.arazzo.yaml"].executedWorkflows as {
      executedSteps: { stepId: string; request: { url: string }; response: { statusCode: number }; checks: { passed: boolean }[] }[];
    }[];
    const steps = workflows.flatMap((workflow) => workflow.executedSteps);
    expect(workflows[0]!.executedSteps.map((step) => [step.stepId, step.response.statusCode])).toEqual([
      ["obtainToken", 200],
      ["listParticipants", 200],
      ["inviteToShare", 200],
      ["cancelInvitation", 200],
    ]);
    for (const step of steps) {
      expect(step.response.statusCode, step.stepId).toBe(200);
      expect(step.checks.length, step.stepId).toBeGreaterThan(0);
      expect(
        step.checks.filter((check) => !check.passed),
        step.stepId,
      ).toEqual([]);
    }
    // Each step is one request the fake answered, valid and successful; the pid invited is Alice's.
    expect(fake.journal.map(({ path, status, violations }) => [path, status, violations])).toEqual(steps.map((step) => [new URL(step.request.url).pathname, 200, []]));
    expect(new URL(workflows[0]!.executedSteps[2]!.request.url).searchParams.get("participantID")).toBe(alice.pid);
    expect(stdout).not.toContain(HOST_PASSWORD);
  } finally {
    await server.close();
  }
}, 60_000);
