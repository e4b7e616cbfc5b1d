// The package as people install it: packed, linted, installed into a fresh project, compiled
// by strict TypeScript consumers, run on Node against the Prism mock, and bundled for a browser
// (run against the Prism mock, and against the stateful fake with its event channel).
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { root } from "../../scripts/prism.js";
import { STORY_CALLS } from "../../scripts/runtimes.js";
import { createMeetingClient as nodeClient } from "../../src/node.js";
import { createMeetingFake } from "../../src/testing/index.js";
import { launchChromium } from "../support/browser.js";
import { serveLoopback, type Loopback } from "../support/servers/loopback.js";

const run = promisify(execFile);
const bin = (name: string) => join(root, "node_modules", ".bin", name);
let tarball: string;
let project: string;

const consumer = (prismUrl: string) => `
import { createMeetingClient, MeetingApiError, type RealTimeInfo, type paths } from "huaweicloud-meeting-control";

type InviteBody = paths["/v1/mmc/control/conferences/participants/share/invite"]["put"]["requestBody"]["content"]["application/json"];
const body: InviteBody = { share: 1 };

const meeting = createMeetingClient({ baseUrl: ${JSON.stringify(prismUrl)} });
const conf = meeting.conference("986947855", { hostPassword: "EXAMPLE-host-password" });
const info: RealTimeInfo = await conf.realTimeInfo();
const pid: string = info.participants?.[0]?.pid ?? "";
await conf.inviteToShare(pid);
await conf.cancelShareInvitation(pid);
const raw = await meeting.api.PUT("/v1/mmc/control/conferences/participants/share/invite", {
  params: { query: { conferenceID: "986947855", participantID: pid }, header: { "X-Conference-Authorization": await conf.token() } },
  body,
});
console.log(JSON.stringify({ pid, raw: raw.response.status, errors: typeof MeetingApiError }));
`;

const tsconfig = (moduleResolution: "nodenext" | "bundler") => ({
  compilerOptions: {
    strict: true,
    target: "ES2022",
    module: moduleResolution === "nodenext" ? "nodenext" : "esnext",
    moduleResolution,
    lib: ["ES2022", "DOM"],
    types: [],
    skipLibCheck: false,
    outDir: `out-${moduleResolution}`,
    ...(moduleResolution === "bundler" ? { noEmit: true } : {}),
  },
  files: ["consumer.ts"],
});

/** Compiles consumer.ts with these settings: once per run, shared by the tests that need its output. */
const compiled = new Map<string, Promise<unknown>>();
function compile(resolution: "nodenext" | "bundler"): Promise<unknown> {
  let compiling = compiled.get(resolution);
  if (!compiling) {
    writeFileSync(join(project, `tsconfig.${resolution}.json`), JSON.stringify(tsconfig(resolution)));
    compiling = run(bin("tsc"), ["-p", `tsconfig.${resolution}.json`], { cwd: project });
    compiled.set(resolution, compiling);
  }
  return compiling;
}

beforeAll(async () => {
  tarball = inject("tarball");
  project = mkdtempSync(join(tmpdir(), "consumer-"));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], { cwd: project });
  writeFileSync(join(project, "consumer.ts"), consumer(inject("prismUrl")));
}, 120_000);

describe("the packed package", () => {
  it("passes publint and arethetypeswrong", async () => {
    await run(bin("publint"), ["--strict", tarball]);
    // The two specs are data files, not modules.
    await run(bin("attw"), [tarball, "--profile", "esm-only", "--exclude-entrypoints", "./openapi.yaml", "./asyncapi.yaml"]);
  }, 60_000);

  it("ships ESM with declarations and source maps, the spec, and nothing of the tests", () => {
    const installed = join(project, "node_modules", "huaweicloud-meeting-control");
    for (const file of [
      "dist/node.js",
      "dist/node.d.ts",
      "dist/node.js.map",
      "dist/browser.js",
      "dist/generated/schema.d.ts",
      "dist/generated/events.d.ts",
      "openapi.yaml",
      "asyncapi.yaml",
    ]) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    expect(existsSync(join(installed, "test"))).toBe(false);
    expect(existsSync(join(installed, "scripts"))).toBe(false);
  });

  it.each(["nodenext", "bundler"] as const)(
    "compiles a strict TypeScript consumer with moduleResolution %s",
    async (resolution) => {
      await compile(resolution);
    },
    60_000,
  );

  it("runs the compiled consumer on Node against the Prism mock", async () => {
    await compile("nodenext");
    const { stdout } = await run(process.execPath, ["out-nodenext/consumer.js"], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ pid: "4a5rg64ag5p8pvvnam1rr6m8lqra6a61", raw: 200, errors: "function" });
  }, 60_000);

  it("is ESM, and CommonJS can require() it on Node ≥ 20.19 (require(esm)) and call the mock", async () => {
    const script = `
      const { createMeetingClient } = require("huaweicloud-meeting-control");
      createMeetingClient({ baseUrl: ${JSON.stringify(inject("prismUrl"))} })
        .conference("986947855", { token: "EXAMPLE-control-token" })
        .realTimeInfo()
        .then((info) => console.log(info.participants.length));`;
    const { stdout } = await run(process.execPath, ["--input-type=commonjs", "-e", script], { cwd: project });
    expect(stdout.trim()).toBe("2");
    const imported = await run(process.execPath, ["--input-type=commonjs", "-e", 'import("huaweicloud-meeting-control").then((m) => console.log(typeof m.createMeetingClient))'], {
      cwd: project,
    });
    expect(imported.stdout.trim()).toBe("function");
  });

  it("installs the meeting-control bin, also run as npx huaweicloud-meeting-control", async () => {
    for (const command of [[join(project, "node_modules", ".bin", "meeting-control")], ["npx", "--no-install", "huaweicloud-meeting-control"]]) {
      const { stdout } = await run(command[0]!, [...command.slice(1), "--help"], { cwd: project });
      expect(stdout).toContain("Usage: meeting-control <command>");
    }
  }, 60_000);

  it("exposes openapi.yaml", async () => {
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", 'console.log(import.meta.resolve("huaweicloud-meeting-control/openapi.yaml"))'], { cwd: project });
    expect(existsSync(new URL(stdout.trim()))).toBe(true);
  });

  it("ships the fake at huaweicloud-meeting-control/testing: a strict TypeScript consumer runs the story in-process", async () => {
    const source = `
import { createMeetingClient, MeetingError } from "huaweicloud-meeting-control";
import { createMeetingFake, type FakeParticipant } from "huaweicloud-meeting-control/testing";

const fake = createMeetingFake({ acceptShareInvitations: true, shareDelayMs: 0 });
const meeting = fake.addMeeting({ hostPassword: "FAKE-host-password" });
const alice: FakeParticipant = meeting.join({ name: "Alice" });
const conf = createMeetingClient({ baseUrl: fake.baseUrl, fetch: fake.fetch }).conference(meeting.conferenceID, { hostPassword: "FAKE-host-password" });
await conf.inviteToShare(alice.pid);
await new Promise((resolve) => setTimeout(resolve, 20));
const sharing = meeting.participants[0]?.sharing;
let sameErrors = false;
try { fake.failNext("noSuchOperation" as never); } catch (error) { sameErrors = error instanceof MeetingError; }
console.log(JSON.stringify({ sharing, sameErrors, journal: fake.journal.map((entry) => entry.status) }));
`;
    writeFileSync(join(project, "testing-consumer.ts"), source);
    const { compilerOptions } = tsconfig("nodenext");
    writeFileSync(join(project, "tsconfig.testing.json"), JSON.stringify({ compilerOptions: { ...compilerOptions, outDir: "out-testing" }, files: ["testing-consumer.ts"] }));
    await run(bin("tsc"), ["-p", "tsconfig.testing.json"], { cwd: project });
    const { stdout } = await run(process.execPath, ["out-testing/testing-consumer.js"], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ sharing: true, sameErrors: true, journal: [200, 200] });
  }, 60_000);
});

describe("in a browser", () => {
  let site: Loopback | undefined;
  let pageUrl: string;

  beforeAll(async () => {
    // Bundled from the installed package, as a bundler would: the "browser" export condition applies.
    const page = join(project, "page");
    mkdirSync(page, { recursive: true });
    writeFileSync(
      join(page, "main.js"),
      `import { createMeetingClient } from "huaweicloud-meeting-control";
       window.run = async (baseUrl) => {
         const meeting = createMeetingClient({ baseUrl });
         const conf = meeting.conference("986947855", { token: async () => "EXAMPLE-control-token" });
         const info = await conf.realTimeInfo();
         const pid = info.participants[0].pid;
         await conf.inviteToShare(pid);
         await conf.cancelShareInvitation(pid);
         let refused;
         try { meeting.conference("986947855", { hostPassword: "EXAMPLE-host-password" }); } catch (error) { refused = [error.name, error.field]; }
         return { pids: info.participants.map((p) => p.pid), chair: info.confInfo.chairID, refused };
       };
       // The story against the fake: the token comes from the page's server (window.controlToken),
       // the channel runs on the browser's own WebSocket.
       window.story = async ({ baseUrl, wsUrl, conferenceID }) => {
         const conf = createMeetingClient({ baseUrl, wsUrl, maxRetries: 0 }).conference(conferenceID, { token: () => window.controlToken() });
         const { participants } = await conf.realTimeInfo();
         const pid = participants[0].pid;
         await conf.inviteToShare(pid);
         await conf.waitUntilSharing(pid, { timeoutMs: 20000 });
         await conf.cancelShareInvitation(pid);
         return { names: participants.map((p) => p.name), invited: pid, events: "waitUntilSharing saw the share" };
       };`,
    );
    const result = await build({
      entryPoints: [join(page, "main.js")],
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      absWorkingDir: project,
      logLevel: "silent",
    });
    const script = result.outputFiles[0]!.text;
    expect(script).not.toContain("X-Password"); // the browser build leaves out the host-password flow
    site = await serveLoopback((req, res) => {
      if (req.url === "/main.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(script);
      res.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><script type="module" src="/main.js"></script>');
    });
    pageUrl = `${site.url}/`;
  }, 60_000);

  afterAll(() => site?.close());

  it("calls the Prism mock across origins with the page's own fetch and gets typed results", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(pageUrl);
      await page.waitForFunction(() => "run" in window);
      const outcome = await page.evaluate((url) => (window as any).run(url), inject("prismUrl"));
      expect(outcome).toEqual({
        pids: ["4a5rg64ag5p8pvvnam1rr6m8lqra6a61", "9b2c7d41e0f3a5b6c8d9e0f1a2b3c4d5"],
        chair: "4a5rg64ag5p8pvvnam1rr6m8lqra6a61",
        refused: ["MeetingInputError", "auth.hostPassword"],
      });
    } finally {
      await browser.close();
    }
  }, 60_000);

  it("runs the story against the stateful fake across origins, and sees the share on the browser's own WebSocket", async () => {
    const fake = createMeetingFake({ acceptShareInvitations: true });
    const server = await fake.listen();
    const browser = await launchChromium();
    try {
      const meeting = fake.addMeeting({ hostPassword: "FAKE-host-password" });
      const alice = meeting.join({ name: "Alice" });
      meeting.join({ name: "Bob" });
      // The host password stays on this side, as on an app's server; the page gets tokens only.
      const host = nodeClient({ baseUrl: server.url }).conference(meeting.conferenceID, { hostPassword: "FAKE-host-password" });
      const page = await browser.newPage();
      await page.exposeFunction("controlToken", () => host.token());
      const sockets: string[] = [];
      page.on("websocket", (socket) => sockets.push(new URL(socket.url()).origin + new URL(socket.url()).pathname));
      await page.goto(pageUrl);
      expect(new URL(pageUrl).origin).not.toBe(server.url);
      await page.waitForFunction(() => "story" in window);
      const wsUrl = server.url.replace(/^http/, "ws");
      const outcome = await page.evaluate((where) => (window as any).story(where), { baseUrl: server.url, wsUrl, conferenceID: meeting.conferenceID });
      expect(outcome).toEqual({ names: ["Alice", "Bob"], invited: alice.pid, events: "waitUntilSharing saw the share" });
      expect(sockets).toEqual([`${wsUrl}/cms/open/websocket/confctl/increment/conn`]);
      expect(fake.journal.map(({ operationId, status, violations }) => [`${operationId} ${status}`, ...violations].join("; "))).toEqual(STORY_CALLS);
      expect(meeting.participants.filter(({ sharing, invited }) => sharing || invited)).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});
