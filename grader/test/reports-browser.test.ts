/**
 * The report pages in a real browser: Debian's Chromium, headless, driven by
 * playwright-core, opening feedback.html and summary.html from disk with the
 * network off. No console errors, no failed loads, the math typeset with
 * KaTeX's own fonts, the charts drawn. Screenshots go to artifacts/reports/.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { paths } from "../paths.ts";
import { gradeSampleClass, type GradedClass } from "./report-class.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(paths.root, "artifacts", "reports");

let tmp: string;
let graded: GradedClass;
let context: BrowserContext;
/** Requests for anything but a local file: there must be none. */
const outside: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-browser-"));
  graded = await gradeSampleClass(tmp);
  context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1100, height: 900 },
  });
  await context.setOffline(true);
  await context.route(/^(?!file:)/, (route) => {
    outside.push(route.request().url());
    return route.abort();
  });
  await mkdir(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await context?.close();
  await rm(tmp, { recursive: true, force: true });
});

/** Opens a results page from disk and collects every console error and failed load. */
async function open(rel: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("requestfailed", (r) => errors.push(`failed to load ${r.url()}`));
  await page.goto(pathToFileURL(path.join(graded.out, rel)).href, { waitUntil: "load" });
  // Page-side code is given as text: the kit's TypeScript has no DOM types.
  await page.evaluate("document.fonts.ready.then(() => true)");
  return { page, errors };
}

async function keepScreenshot(page: Page, name: string, annotate: TestContext["annotate"]): Promise<void> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await annotate(`screenshot of ${name}`, { path: file, contentType: "image/png" });
}

describe("in headless Chromium, offline, from disk", () => {
  it("feedback.html typesets its math with KaTeX's CSS and fonts", async ({ annotate }) => {
    const { page, errors } = await open("mistake/feedback.html");
    expect(await page.locator(".katex").count()).toBeGreaterThan(0);
    // KaTeX's stylesheet hides the MathML copy; if it had not loaded, formulas would show twice.
    expect(await page.evaluate("getComputedStyle(document.querySelector('.katex-mathml')).position")).toBe("absolute");
    const loaded = await page.evaluate<string[]>(
      "[...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replaceAll('\"', ''))",
    );
    expect(loaded).toContain("KaTeX_Main");
    expect(await page.getByText("Likely mistake: δ without the g′(f) factor").count()).toBeGreaterThan(0);
    await keepScreenshot(page, "feedback", annotate);
    expect(errors).toEqual([]);
  });

  it("feedback.html shows an injecting message as text, running nothing", async () => {
    const { page, errors } = await open("injecting/feedback.html");
    expect(await page.locator("script, img, a[href^='http']").count()).toBe(0);
    expect(await page.getByText("<script>alert(1)</script>", { exact: false }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it("summary.html draws its charts", async ({ annotate }) => {
    const { page, errors } = await open("summary.html");
    const bars = page.locator("svg.histogram rect.bar");
    expect(await bars.count()).toBe(10);
    const heights = await page.evaluate<number[]>(
      "[...document.querySelectorAll('svg.histogram rect.bar')].map((r) => r.getBBox().height)",
    );
    expect(heights.some((h) => h > 0)).toBe(true);
    expect(await page.locator("table svg.bar rect").count()).toBeGreaterThan(0);
    expect(await page.locator('#submissions + table a[href$="/feedback.html"]').count()).toBe(4);
    // Each misconception lists the submissions that showed it, linked to their feedback.
    expect(await page.locator('#misconceptions + table a[href$="/feedback.html"]').count()).toBeGreaterThan(0);
    await keepScreenshot(page, "summary", annotate);
    expect(errors).toEqual([]);
  });

  it("made no request outside the results folder", () => {
    expect(outside).toEqual([]);
  });
});
