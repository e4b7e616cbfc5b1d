// The browser entry when the app's own server is gone: an app built from the package (dist/)
// with code splitting, by esbuild and by Vite's default build, loaded in Chromium; then its
// server stops (the laptop went offline) or its chunk files are deleted (a redeploy). Every
// REST call must still end as the API's answer deserves, with one request per call: none of
// the call's code may be left to load. Only the event channel loads on first use, and its
// failure to load is a MeetingConnectionError that says so.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { build as esbuild } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, root } from "../../scripts/prism.js";
import { launchChromium } from "../support/browser.js";
import { serveLoopback, type Loopback } from "../support/servers/loopback.js";

/**
 * The bundlers the app is built with: esbuild with splitting, and Vite's default build
 * (Rolldown). Vite is a devDependency; take it out of this list only if it cannot be installed.
 */
const BUNDLERS = ["esbuild", "vite"] as const;
type Bundler = (typeof BUNDLERS)[number];

// What an app does with the package: each call's outcome, as [error name, message] or "success".
const APP = `
import { createMeetingClient } from "huaweicloud-meeting-control";

const outcome = (call) => call.then(() => "success", (error) => [error?.name ?? typeof error, String(error?.message ?? error)]);
const conference = (baseUrl, options) => createMeetingClient({ baseUrl, ...options }).conference("986947855", { token: "EXAMPLE-control-token" });

window.outcomes = async ({ api, refused }) => {
  const lines = [];
  const logger = { debug: (line) => lines.push(line) };
  return {
    refused: await outcome(conference(refused, { maxRetries: 0 }).inviteToShare("p1")),
    unauthorized: await outcome(conference(api + "/401").inviteToShare("p1")),
    serverError: await outcome(conference(api + "/500", { maxRetries: 0 }).inviteToShare("p1")),
    chunked: await outcome(conference(api + "/chunked").inviteToShare("p1")),
    settings: await outcome(conference(api + "/chunked").lockSharing()),
    logged: await outcome(conference(api + "/401", { logger }).inviteToShare("p1")),
    lines: lines.length,
    channel: await outcome(conference(refused, { maxRetries: 0 }).waitUntilSharing("p1", { timeoutMs: 5000 })),
  };
};
`;

const HTML = '<!doctype html><html><head><script type="module" src="/main.js"></script></head><body></body></html>';

let browser: Browser;
let api: Loopback;
let apiUrl: string;
let refusedUrl: string;
/** The requests the API received, as "METHOD /route/path". */
const received: string[] = [];
const work = mkdtempSync(join(tmpdir(), "browser-offline-"));

beforeAll(async () => {
  // The API: the first path segment (a baseUrl prefix) picks the answer.
  api = await serveLoopback((req, res) => {
    res.setHeader("Access-Control-Allow-Origin", "*");
    if (req.method === "OPTIONS") {
      res.writeHead(204, { "Access-Control-Allow-Methods": "GET, PUT, POST, DELETE", "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "" });
      return res.end();
    }
    const url = req.url ?? "";
    received.push(`${req.method} ${url.split("?")[0]}`);
    const route = url.split("/")[1];
    if (route === "401") return res.writeHead(401, { "Content-Type": "application/json" }).end('{"error_code":"MMC.111070005","error_msg":"Token invalid"}');
    if (route === "500") return res.writeHead(500, { "Content-Type": "application/json" }).end('{"error_code":"MMC.111000000","error_msg":"Internal error"}');
    // A 200 of no stated length: chunked, as gateways often answer.
    res.writeHead(200, { "Content-Type": "application/json" });
    res.write("{");
    setTimeout(() => res.end("}"), 5);
  });
  apiUrl = api.url;
  // A port that was just free: nothing listens there, the connection is refused.
  refusedUrl = `http://127.0.0.1:${await freePort()}`;
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Builds the app from the package as installed (a link to this checkout: its dist/ and package.json). */
async function buildApp(bundler: Bundler): Promise<string> {
  const app = join(work, bundler);
  mkdirSync(join(app, "node_modules"), { recursive: true });
  symlinkSync(root, join(app, "node_modules", "huaweicloud-meeting-control"), "dir");
  writeFileSync(join(app, "main.js"), APP);
  writeFileSync(join(app, "index.html"), HTML);
  const out = join(app, "out");
  if (bundler === "esbuild") {
    await esbuild({
      entryPoints: [join(app, "main.js")],
      absWorkingDir: app,
      outdir: out,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      minify: true,
      logLevel: "silent",
    });
    writeFileSync(join(out, "index.html"), HTML);
  } else {
    const { build } = await import("vite");
    await build({ root: app, configFile: false, logLevel: "silent", build: { outDir: out, emptyOutDir: true } });
  }
  return out;
}

/** Every file under `dir`, as paths relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => statSync(join(dir, name)).isFile());
}

/** Serves `out` from a loopback server, nothing cached; a missing file is a 404. */
async function serve(out: string): Promise<{ url: string; close(): Promise<void> }> {
  const loopback = await serveLoopback((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const file = join(out, path === "/" ? "index.html" : path);
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      return res.writeHead(404).end();
    }
    const type = extname(file) === ".html" ? "text/html" : "text/javascript";
    res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" }).end(body);
  });
  return { url: `${loopback.url}/`, close: loopback.close };
}

describe.each(BUNDLERS)("an app built by %s with code splitting", (bundler) => {
  let out: string;
  beforeAll(async () => {
    out = await buildApp(bundler);
  }, 30_000);

  it.each(["stopped", "redeployed (its chunk files deleted)"])(
    "with its server %s after the page loaded: each call ends as the API answered, one PUT for the chunked 200; the event channel's failed load is a MeetingConnectionError",
    async (how) => {
      const server = await serve(out);
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const loaded: string[] = [];
        page.on("requestfinished", (request) => loaded.push(new URL(request.url()).pathname.slice(1)));
        await page.goto(server.url);
        await page.waitForFunction(() => "outcomes" in window);
        // The build split the package: some of its code is left to load on first use, so the test is real.
        const scripts = files(out).filter((name) => name.endsWith(".js"));
        expect(scripts.filter((name) => !loaded.includes(name))).not.toEqual([]);
        if (how === "stopped") await server.close();
        else for (const name of scripts) rmSync(join(out, name));
        received.length = 0;
        const outcomes = await page.evaluate((where) => (window as unknown as { outcomes(where: object): Promise<Record<string, unknown>> }).outcomes(where), {
          api: apiUrl,
          refused: refusedUrl,
        });
        expect(outcomes).toMatchObject({
          refused: ["MeetingConnectionError", expect.stringContaining("no response")],
          unauthorized: ["AuthenticationError", expect.stringContaining("MMC.111070005")],
          serverError: ["InternalServerError", expect.stringContaining("MMC.111000000")],
          chunked: "success",
          settings: "success",
          logged: ["AuthenticationError", expect.any(String)],
          channel: ["MeetingConnectionError", expect.stringContaining("could not be loaded")],
        });
        expect(outcomes.lines).toBe(1);
        const invite = "/v1/mmc/control/conferences/participants/share/invite";
        const settings = "/v1/mmc/control/conferences/updateStartedConfConfig";
        expect(received).toEqual([`PUT /401${invite}`, `PUT /500${invite}`, `PUT /chunked${invite}`, `PUT /chunked${settings}`, `PUT /401${invite}`]);
      } finally {
        await context.close();
        await server.close();
      }
    },
    30_000,
  );
});
