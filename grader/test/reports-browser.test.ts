/**
 * The report pages in a real browser: Debian's Chromium, headless, driven by
 * playwright-core, opening feedback.html and summary.html from disk with the
 * network off. No console errors, no failed loads, the math typeset as
 * MathML that needs no files beside the page, the charts drawn. Screenshots go to artifacts/reports/.
 */
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { launchChromium, screenshot } from "./chromium.ts";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { gradeSampleClass, type GradedClass } from "./report-class.ts";
import { gradeLayoutClass } from "./report-layout-class.ts";

const ARTIFACTS = path.join(paths.root, "artifacts", "reports");
const points01 = loadManifest().exercises.find((e) => e.id === "01-linear-algebra")!.points;

let tmp: string;
let graded: GradedClass;
/** The results folder of the layout class: one-exercise/ and midway/. */
let layout: string;
let context: BrowserContext;
/** Requests for anything but a local file: there must be none. */
const outside: string[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-browser-"));
  [graded, layout] = await Promise.all([gradeSampleClass(tmp), gradeLayoutClass(tmp)]);
  context = await launchChromium(path.join(tmp, "profile"), 1100);
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
async function open(rel: string, base = graded.out): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("requestfailed", (r) => errors.push(`failed to load ${r.url()}`));
  await page.goto(pathToFileURL(path.join(base, rel)).href, { waitUntil: "load" });
  // Page-side code is given as text: the kit's TypeScript has no DOM types.
  await page.evaluate("document.fonts.ready.then(() => true)");
  return { page, errors };
}

async function keepScreenshot(page: Page, name: string, annotate: TestContext["annotate"]): Promise<void> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await screenshot(page, file);
  await annotate(`screenshot of ${name}`, { path: file, contentType: "image/png" });
}

describe("in headless Chromium, offline, from disk", () => {
  it("a lone feedback.html, with no folder beside it, shows each formula once, typeset", async ({ annotate }) => {
    // As a student gets it attached to a Canvas comment or an e-mail: the page alone in an empty folder.
    const lone = path.join(tmp, "lone");
    await mkdir(lone, { recursive: true });
    await copyFile(path.join(graded.out, "mistake/feedback.html"), path.join(lone, "feedback.html"));
    const { page, errors } = await open("feedback.html", lone);
    const formulas = await page.evaluate<{ text: string; math: string; width: number }[]>(
      // Formulas in closed <details> are not drawn, so not looked at.
      `[...document.querySelectorAll(".katex")].filter((k) => k.checkVisibility()).map((k) => ({
        text: k.innerText.normalize("NFKC").replace(/\\s+/g, ""),
        math: (k.querySelector("semantics > :first-child")?.textContent ?? "").normalize("NFKC").replace(/\\s+/g, ""),
        width: k.querySelector("math")?.getBoundingClientRect().width ?? 0,
      }))`,
    );
    expect(formulas.length).toBeGreaterThan(5);
    for (const f of formulas) {
      // Only the MathML is shown (Chrome draws a lone letter italic, hence NFKC): no second, HTML copy of the
      // formula, and never its TeX source.
      expect(f.text).toBe(f.math);
      expect(f.text).not.toMatch(/\\[a-z]+/);
      expect(f.width).toBeGreaterThan(0);
    }
    expect(await page.evaluate<string>("document.querySelector('main').innerText")).not.toMatch(
      /\\(mathbf|boldsymbol)/,
    );
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
    const bars = page.locator("svg.histogram.wide rect.bar");
    expect(await bars.count()).toBe(10);
    const heights = await page.evaluate<number[]>(
      "[...document.querySelectorAll('svg.histogram.wide rect.bar')].map((r) => r.getBBox().height)",
    );
    expect(heights.some((h) => h > 0)).toBe(true);
    expect(await page.locator("table svg.bar rect").count()).toBeGreaterThan(0);
    expect(await page.locator('#submissions + table a[href$="/feedback.html"]').count()).toBe(4);
    // Each misconception lists the submissions that showed it, linked to their feedback.
    expect(await page.locator('#misconceptions + table a[href$="/feedback.html"]').count()).toBeGreaterThan(0);
    await keepScreenshot(page, "summary", annotate);
    expect(errors).toEqual([]);
  });

  it("collapses a one-exercise student's page to about three screens, on a desktop and on a phone", async ({
    annotate,
  }) => {
    const { page, errors } = await open("one-exercise/feedback.html", layout);
    const sections = page.locator("main > details");
    expect(await sections.count()).toBe(9); // 1 complete + 8 not started, each one line
    expect(await page.locator("details[open]").count()).toBe(0);
    expect(await page.locator("main > details summary").first().innerText()).toMatch(
      new RegExp(`complete · ${points01} / ${points01} points`),
    );
    const height = () => page.evaluate<number>("document.documentElement.scrollHeight");
    expect(await height()).toBeLessThanOrEqual(3 * 900);
    await keepScreenshot(page, "feedback-one-exercise", annotate);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    expect(await height()).toBeLessThanOrEqual(3.5 * 844);
    await keepScreenshot(page, "feedback-one-exercise-390px", annotate);
    expect(errors).toEqual([]);
  });

  it("starts each exercise with what blocks it, then the named mistake, then the failing cases", async ({
    annotate,
  }) => {
    const { page, errors } = await open("midway/feedback.html", layout);
    // The order of an exercise's blocks: everything from its heading to the next.
    const blocks = (heading: string) =>
      page.evaluate<string[]>(`(() => {
        const out = [];
        let el = [...document.querySelectorAll("h2")].find((h) => h.textContent.startsWith(${JSON.stringify(heading)}));
        for (el = el.nextElementSibling; el && el.tagName !== "H2"; el = el.nextElementSibling) {
          const t = el.textContent.trim();
          if (el.tagName === "BLOCKQUOTE" && t.startsWith("Likely mistake")) out.push("mistake");
          else if (el.tagName === "H3") out.push("case");
          else if (el.tagName === "DETAILS") out.push("all cases");
          else if (t.startsWith("It does not compile")) out.push("compile error");
          else if (t.startsWith("Your file does not export")) out.push("missing export");
          else if (t.startsWith("Type errors")) out.push("type errors");
        }
        return out.filter((b, i) => b !== out[i - 1]);
      })()`);
    expect(await blocks("05")).toEqual(["mistake", "case", "all cases"]);
    // 06's gradients use 05's wrong δ: the mistake is 05's, named there, and not named again as 06's own.
    expect(await blocks("06")).toEqual(["type errors", "case", "all cases"]);
    expect(await blocks("07")).toEqual(["missing export", "case", "all cases"]);
    expect(await blocks("08")).toEqual(["compile error", "type errors", "all cases"]);
    expect(await page.getByText("does not export sgdStep").count()).toBe(1);
    // Case names and the mistake's explanation are typeset like the rule: no raw W^[2] or δ^[l].
    expect(await page.locator("h3 .katex").count()).toBeGreaterThan(0);
    expect(await page.locator("blockquote .katex").count()).toBeGreaterThan(1);
    expect(await page.evaluate<string>("document.querySelector('main').innerText")).not.toMatch(/\^\[/);
    // Complete and not-started exercises are collapsed; the ones being worked on are open.
    const summaries = await page.locator("main > details > summary").allInnerTexts();
    expect(summaries.filter((t) => /^(✓ complete|○ not started)/.test(t))).toHaveLength(5); // 01–04, 09
    expect(summaries.filter((t) => /^All \d+ cases of/.test(t))).toHaveLength(4); // 05–08, below their failures
    await keepScreenshot(page, "feedback-midway", annotate);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await keepScreenshot(page, "feedback-midway-390px", annotate);
    expect(errors).toEqual([]);
  });

  it("made no request outside the results folder", () => {
    expect(outside).toEqual([]);
  });
});
