// The published docs: built from the current openapi.yaml, self-contained, and checked in a real browser.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../../scripts/prism.js";
import { resolve, spec } from "../support/openapi-doc.js";
import { isLocal, launchChromium } from "../support/browser.js";

const invite = spec.paths["/v1/mmc/control/conferences/participants/share/invite"].put;
const operations = Object.values<any>(spec.paths).flatMap((item) => Object.values<any>(item));

let html: string;
let url: string;
let browser: Browser;
let page: Page;
/** Requests that reached the network layer. */
const sent: string[] = [];
/** Requests the page tried that the browser refused on the page's own policy, before any network. */
const refused: { url: string; reason: string }[] = [];

beforeAll(async () => {
  // Built here, from the spec as it is now: the page under test can never be stale.
  const out = join(mkdtempSync(join(tmpdir(), "docs-")), "index.html");
  execFileSync("npm", ["run", "--silent", "docs:build", "--", "--output", out], { cwd: root, stdio: "pipe" });
  html = readFileSync(out, "utf8");
  url = pathToFileURL(out).href;
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.route("**/*", (route) => {
    const target = route.request().url();
    sent.push(target);
    return isLocal(target) ? route.continue() : route.abort("blockedbyclient");
  });
  page = await context.newPage();
  page.setDefaultTimeout(5_000);
  page.on("requestfailed", (request) => {
    if (request.failure()?.errorText === "csp") refused.push({ url: request.url(), reason: "csp" });
  });
  await page.goto(url, { waitUntil: "load" });
  await page.getByRole("heading", { name: spec.info.title }).first().waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens an operation the way a reader does: its tag, then its entry in the sidebar. */
async function open(operation: any) {
  const entry = page.locator("a", { hasText: operation.summary }).first();
  if (!(await entry.isVisible())) await page.getByText(operation.tags[0], { exact: true }).first().click();
  await entry.click();
  // The heading's accessible name also holds its "Copy" button, so match its start.
  const heading = page.getByRole("heading", { name: operation.summary }).first();
  // Redoc renders the sidebar before it handles clicks on it: a click that came too early is
  // lost, so a reader would click again — and so does this, once.
  await heading.waitFor().catch(async () => {
    await entry.click();
    await heading.waitFor();
  });
  return page.locator("body");
}

describe("the API docs page", () => {
  it("is self-contained: the Redoc bundle is inlined, no script or stylesheet comes from elsewhere", () => {
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href="https?:/);
    expect(html).toContain(`<title>${spec.info.title}</title>`);
    expect(html).toContain('"disableTelemetry":true');
  });

  it("shows the title, both servers and every tag on its front page", async () => {
    const text = await page.locator("body").innerText();
    for (const server of spec.servers) {
      expect(text).toContain(server.url);
      expect(text).toContain(server.description);
    }
    for (const tag of spec.tags) expect(text).toContain(tag.name);
  });

  it("shows as many operations as the spec has, each with its own summary", () => {
    expect(operations.length).toBe(45);
    // No summary inside another: the sidebar entry a test clicks is found by its text.
    const summaries = operations.map((operation) => operation.summary.toLowerCase());
    for (const summary of summaries) expect(summaries.filter((other) => other.includes(summary))).toEqual([summary]);
  });

  // One test per operation: with 45 of them, a single test would outlast any sensible timeout.
  it.each(operations.map((operation) => [operation.operationId, operation.tags[0], operation]))("shows %s under its tag %s", async (_id, _tag, operation) => {
    const main = await open(operation);
    await expect(main.getByText(operation.summary, { exact: true }).first().isVisible()).resolves.toBe(true);
  });

  it("shows inviteShare's three parameters, its share body field and its request example", async () => {
    const main = await open(invite);
    const names = invite.parameters.map((p: any) => resolve(p).name);
    expect(names).toEqual(["conferenceID", "participantID", "X-Conference-Authorization"]);
    for (const name of [...names, "share"]) {
      await expect(main.getByText(name, { exact: true }).first().isVisible(), name).resolves.toBe(true);
    }
    const text = await main.innerText();
    expect(text).toContain(`conferenceID=${resolve(invite.parameters[0]).example}`);
    expect(text).toContain(`participantID=${resolve(invite.parameters[1]).example}`);
    expect(text).toContain(`{"share": 1}`);
    mkdirSync(join(root, ".screenshots"), { recursive: true });
    await page.screenshot({ path: join(root, ".screenshots", "docs.png") });
  });

  it("shows updateStartedConfConfig under Meeting, with its settings and the lockSharing example", async () => {
    const update = spec.paths["/v1/mmc/control/conferences/updateStartedConfConfig"].put;
    expect(update.tags).toEqual(["Meeting"]);
    const main = await open(update);
    for (const name of ["conferenceID", "X-Conference-Authorization", "lockSharing", "freeShare", "isLock", "chatPermission"]) {
      await expect(main.getByText(name, { exact: true }).first().isVisible(), name).resolves.toBe(true);
    }
    expect(await main.innerText()).toContain(`{"lockSharing": 1}`);
  });

  it("shows createWebSocketToken under Tokens, with its webSocketToken answer", async () => {
    const wsToken = spec.paths["/v1/mmc/control/conferences/wsToken"].get;
    expect(wsToken.tags).toEqual(["Tokens"]);
    const main = await open(wsToken);
    await expect(main.getByText("webSocketToken", { exact: true }).first().isVisible()).resolves.toBe(true);
    expect(await main.innerText()).toContain("EXAMPLE-websocket-token");
  });

  it("shows the error examples of every error status", async () => {
    const main = await open(invite);
    for (const status of ["400", "401", "403", "500"]) {
      const { examples } = resolve(invite.responses[status]).content["application/json"];
      const first = Object.values<any>(examples)[0].value;
      await main.getByRole("tab", { name: status, exact: true }).last().click();
      await expect(main.getByText(first.error_code).first().isVisible(), status).resolves.toBe(true);
    }
  });

  it("sends no request beyond this machine", async () => {
    await page.waitForTimeout(1000); // let anything late (telemetry, fonts, images) try
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((target) => !isLocal(target))).toEqual([]);
    // Redoc always renders its "API docs by" logo from a CDN; the page's own policy refuses it.
    for (const { url: target } of refused) expect(new URL(target).hostname).toMatch(/(^|\.)redoc\.ly$|(^|\.)redocly\.com$/);
  });
});
