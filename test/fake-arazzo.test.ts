// An independent check of the fake: the Arazzo workflow, run by `redocly respect` (which
// validates every answer against openapi.yaml), passes against it over loopback.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { root } from "../scripts/prism.js";
import { createMeetingFake } from "../src/testing/index.js";
import { HOST_PASSWORD } from "./fake-helpers.js";

it("meeting-share.arazzo.yaml passes every step and check against the fake, with the fake's state behind it", async () => {
  const fake = createMeetingFake();
  const meeting = fake.addMeeting({ hostPassword: HOST_PASSWORD });
  const alice = meeting.join({ name: "Alice" });
  const server = await fake.listen();
  try {
    const report = join(mkdtempSync(join(tmpdir(), "respect-")), "report.json");
    const { stdout } = await promisify(execFile)(
      "npx",
      ["redocly", "respect", "meeting-share.arazzo.yaml", "--server", `meeting=${server.url}`, "--input", `conferenceID=${meeting.conferenceID}`, "--input", `hostPassword=${HOST_PASSWORD}`, "--json-output", report],
      { cwd: root, env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
    );
    const [workflow] = JSON.parse(readFileSync(report, "utf8")).files["meeting-share.arazzo.yaml"].executedWorkflows;
    const steps = workflow.executedSteps as { stepId: string; response: { statusCode: number }; checks: { passed: boolean }[] }[];
    expect(steps.map((step) => [step.stepId, step.response.statusCode])).toEqual([
      ["obtainToken", 200],
      ["listParticipants", 200],
      ["inviteToShare", 200],
      ["cancelInvitation", 200],
    ]);
    for (const step of steps) expect(step.checks.filter((check) => !check.passed)).toEqual([]);
    expect(fake.journal.map(({ operationId, status, violations }) => [operationId, status, violations])).toEqual([
      ["createConfToken", 200, []],
      ["showRealTimeInfoOfMeeting", 200, []],
      ["inviteShare", 200, []],
      ["inviteShare", 200, []],
    ]);
    expect(meeting.participants).toEqual([{ pid: alice.pid, name: "Alice", sharing: false, invited: false }]);
    expect(stdout).not.toContain(HOST_PASSWORD);
  } finally {
    await server.close();
  }
}, 60_000);
