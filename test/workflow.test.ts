// The Arazzo workflow runs, step by step, against the Prism mock of the same spec.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { root } from "../scripts/prism.js";

const run = promisify(execFile);

describe("meeting-share.arazzo.yaml", () => {
  it("passes every step and check with redocly respect against the Prism mock", async () => {
    const report = join(mkdtempSync(join(tmpdir(), "respect-")), "report.json");
    const secret = "EXAMPLE-host-password-respect";
    const { stdout } = await run(
      "npx",
      [
        "redocly", "respect", "meeting-share.arazzo.yaml",
        "--server", `meeting=${inject("prismUrl")}`,
        "--input", "conferenceID=986947855",
        "--input", `hostPassword=${secret}`,
        "--json-output", report,
      ],
      { cwd: root, env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
    );
    const { files } = JSON.parse(readFileSync(report, "utf8"));
    const [workflow] = files["meeting-share.arazzo.yaml"].executedWorkflows;
    const steps = workflow.executedSteps as any[];
    expect(steps.map((s) => [s.stepId, s.request.method, new URL(s.request.url).pathname, s.response.statusCode])).toEqual([
      ["obtainToken", "get", "/v1/mmc/control/conferences/token", 200],
      ["listParticipants", "get", "/v1/mmc/control/conferences/realTimeInfo", 200],
      ["inviteToShare", "put", "/v1/mmc/control/conferences/participants/share/invite", 200],
      ["cancelInvitation", "put", "/v1/mmc/control/conferences/participants/share/invite", 200],
    ]);
    for (const step of steps) {
      expect(step.checks.length).toBeGreaterThan(0);
      expect(step.checks.filter((c: any) => !c.passed)).toEqual([]);
      // Prism found every request valid.
      expect(step.response.headers["sl-violations"]).toBeUndefined();
    }
    // Outputs are wired: the first participant's pid is the one invited, then uninvited.
    const pid = steps[1].response.body.participants[0].pid;
    expect(new URL(steps[2].request.url).searchParams.get("participantID")).toBe(pid);
    expect(new URL(steps[3].request.url).searchParams.get("participantID")).toBe(pid);
    expect([steps[2].request.body, steps[3].request.body]).toEqual([{ share: 1 }, { share: 0 }]);
    // Respect masks the password and token in what it prints and saves.
    expect(stdout + readFileSync(report, "utf8")).not.toContain(secret);
  }, 60_000);
});
