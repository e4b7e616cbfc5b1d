// npm start runs the story on the fake in-process; npm run fake serves it and stops cleanly.
import { execFile, spawn } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { root } from "../../scripts/prism.js";

const tsx = join(root, "node_modules/.bin/tsx");

it("npm start: token → participants → room muted → invite → sharing → the floor → cancel → room unmuted, in-process, exit 0", async () => {
  const { stdout } = await promisify(execFile)(tsx, ["scripts/start.ts"], { cwd: root });
  expect(stdout).toMatch(
    /1\. Obtain a meeting-control token[\s\S]*2\. List the participants[\s\S]*3\. Mute the room, and forbid unmuting oneself\n {3}Bob tries to unmute himself: .*does not let participants unmute themselves[\s\S]*4\. Invite Alice[\s\S]*5\. Wait until Alice is sharing, as the event channel tells\n {3}Alice is sharing[\s\S]*6\. Give Alice the floor[\s\S]*'Alice' +│ 'no'[\s\S]*'Bob' +│ 'yes'[\s\S]*7\. Cancel the invitation\n.*sharing now: no[\s\S]*8\. Unmute the room, and end the roll call\n {3}the room: unmuted, mode FREE/,
  );
  expect(stdout).not.toContain("FAKE-host-password");
  expect(stdout).not.toMatch(/FAKE-token-/);
});

it.each(["SIGINT", "SIGTERM"] as const)("npm run fake: serves one meeting on the printed URL with the printed password, exits 0 on %s", async (signal) => {
  const child = spawn(tsx, ["scripts/fake.ts"], { cwd: root, env: { ...process.env, FAKE_PORT: "0" } });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const deadline = Date.now() + 10_000;
  while (!/host password/.test(stdout) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1]!;
  const conferenceID = /conference ID +(\d+)/.exec(stdout)![1]!;
  const password = /host password +(FAKE-[0-9a-f]+)/.exec(stdout)![1]!;
  const response = await fetch(`${url}/v1/mmc/control/conferences/token?conferenceID=${conferenceID}`, { headers: { "X-Password": password, "X-Login-Type": "1" } });
  expect(response.status).toBe(200);
  child.kill(signal);
  expect(await exited).toBe(0);
});
