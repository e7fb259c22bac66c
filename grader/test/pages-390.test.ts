/**
 * Every page a student or TA reads, on a 390 px phone and a 1280 px desktop, in headless Chromium (one browser for
 * the file): no horizontal scroll of the page itself, numbers never broken mid-digit, wide formulas and tables
 * scrolling in their own box with a visible cue, statuses in words, the summary's misconceptions typeset, the
 * similarity report's panes closed, the playground's labels apart. The demo class (fixtures/submissions) is graded
 * once, with its similarity report. Screenshots go to artifacts/pages-390/ and are attached to the test.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { paths } from "../paths.ts";
import { startPlayground, type Playground } from "../playground/server.ts";
import { installed } from "../similarity/dolos.ts";
import { launchChromium, screenshot } from "./chromium.ts";
import { cliArgs } from "./cli-bundle.ts";

const run = promisify(execFile);
const ARTIFACTS = path.join(paths.root, "artifacts", "pages-390");
const WIDTHS = [390, 1280] as const;
const similarity = installed();

let tmp: string;
let out: string;
let context: BrowserContext;
let playground: Playground;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-pages-390-"));
  out = path.join(tmp, "results");
  const args = [
    path.join(paths.root, "fixtures", "submissions"),
    "--out",
    out,
    ...(similarity ? ["--similarity"] : []),
  ];
  [, context, playground] = await Promise.all([
    run(process.execPath, cliArgs("grade", args), { cwd: paths.root, env: { ...process.env, CI: "1" } }),
    launchChromium(path.join(tmp, "profile"), 1280),
    startPlayground({ impl: paths.solutions, label: "solutions", port: 0 }),
  ]);
  await mkdir(ARTIFACTS, { recursive: true });
}, 300_000);
afterAll(async () => {
  await context?.close();
  await playground?.close();
  await rm(tmp, { recursive: true, force: true });
});

/** Opens a page at a width, collecting console errors; a file path is opened from disk. */
async function open(target: string, width: number): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(target.startsWith("http") ? target : pathToFileURL(target).href, { waitUntil: "load" });
  // Page-side code is given as text: the kit's TypeScript has no DOM types.
  await page.evaluate("document.fonts.ready.then(() => true)");
  return { page, errors };
}

/** The page itself scrolls only down: whatever is wider scrolls in its own box. */
async function expectNoSideways(page: Page, width: number): Promise<void> {
  expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
}

async function keep(page: Page, name: string, annotate: TestContext["annotate"], fullPage = true): Promise<void> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await screenshot(page, file, fullPage);
  await annotate(`screenshot of ${name}`, { path: file, contentType: "image/png" });
}

/**
 * Numbers in code split over two lines: every run of digits (with its sign, point and exponent) in a code element
 * must sit on one line box. Returns the ones that do not.
 */
const BROKEN_NUMBERS = `(() => {
  const broken = [];
  for (const code of document.querySelectorAll("main code")) {
    if (!code.checkVisibility()) continue;
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/-?\\d[\\d.]*(?:e[+-]?\\d+)?/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
})()`;

/** Boxes that hold more than they show and scroll, with whether they carry the shadow cue. */
const SCROLLERS = `[...document.querySelectorAll(".katex-block, pre, table")]
  .filter((e) => e.checkVisibility() && e.scrollWidth > e.clientWidth + 1)
  .map((e) => {
    const s = getComputedStyle(e);
    return { tag: e.tagName, scrolls: s.overflowX === "auto" || s.overflowX === "scroll",
      cue: s.backgroundAttachment.includes("local") && s.backgroundImage.includes("radial-gradient") };
  })`;

describe.each(WIDTHS)("at %i px", (width) => {
  it("feedback.html: numbers whole, wide formulas and tables scroll in their box with a cue", async ({ annotate }) => {
    const { page, errors } = await open(path.join(out, "dee-forgets-gprime", "feedback.html"), width);
    await expectNoSideways(page, width);
    expect(await page.evaluate<string[]>(BROKEN_NUMBERS)).toEqual([]);
    for (const box of await page.evaluate<{ tag: string; scrolls: boolean; cue: boolean }[]>(SCROLLERS))
      expect(box).toMatchObject({ scrolls: true, cue: true });
    expect(await page.locator(".katex-block").count()).toBeGreaterThan(0);
    await keep(page, `feedback-${width}`, annotate);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("summary.html: fits, statuses in words, misconceptions typeset, histogram labels readable", async ({
    annotate,
  }) => {
    const { page, errors } = await open(path.join(out, "summary.html"), width);
    await expectNoSideways(page, width);
    const text = await page.evaluate<string>("document.querySelector('main').innerText");
    // Statuses as words, in the table and in the count under the title: "compile error", not compile_error.
    const statuses = await page.locator('td[class^="status-"]').allInnerTexts();
    expect(statuses).toContain("compile error");
    for (const s of statuses) expect(s).not.toMatch(/_/);
    expect(await page.locator("h1 + p").innerText()).toMatch(/^\d+ submissions \([^_]*compile error[^_]*\)/);
    // Misconceptions in the lecture's notation, typeset: W^[l], δ^[l] as MathML, never raw.
    expect(await page.locator("#misconceptions + table math").count()).toBeGreaterThan(0);
    expect(text).not.toMatch(/\^\[/);
    // One histogram shows, drawn near its own size: its labels at least 10 px tall.
    const shown = page.locator("svg.histogram:visible");
    expect(await shown.count()).toBe(1);
    expect(await shown.locator("rect.bar").count()).toBe(10);
    const labels = await page.evaluate<{ height: number; left: number; right: number }[]>(
      `[...document.querySelectorAll("svg.histogram")].filter((s) => s.checkVisibility())[0]
        .querySelectorAll("text").values().map((t) => t.getBoundingClientRect())
        .map((r) => ({ height: r.height, left: r.left, right: r.right, top: r.top })).toArray()`,
    );
    for (const l of labels) expect(l.height).toBeGreaterThanOrEqual(10);
    for (const box of await page.evaluate<{ tag: string; scrolls: boolean; cue: boolean }[]>(SCROLLERS))
      expect(box).toMatchObject({ scrolls: true, cue: true });
    await keep(page, `summary-${width}`, annotate);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.skipIf(!similarity)("similarity.html: fits, every pane closed, a link opens its pane", async ({ annotate }) => {
    const { page, errors } = await open(path.join(out, "similarity.html"), width);
    await expectNoSideways(page, width);
    const panes = page.locator("#side-by-side ~ details");
    expect(await panes.count()).toBeGreaterThan(10);
    expect(await page.locator("details[open]").count()).toBe(0);
    // Every pane open, this class made the page 55,753 px tall at 1280 px (a larger one 73,635).
    const height = await page.evaluate<number>("document.documentElement.scrollHeight");
    expect(height).toBeLessThanOrEqual(width === 1280 ? 20_000 : 40_000);
    await keep(page, `similarity-${width}`, annotate, false);
    // Following a "side by side" link opens that pane and shows it.
    const link = page.locator('a[href^="#d-"]').first();
    const target = (await link.getAttribute("href"))!.slice(1);
    await link.click();
    const opened = page.locator(`details:has(#${target})`);
    await expect.poll(() => opened.evaluate((d: { open: boolean }) => d.open)).toBe(true);
    expect(await page.locator(`#${target}`).isVisible()).toBe(true);
    await expectNoSideways(page, width);
    await keep(page, `similarity-pane-${width}`, annotate, false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the playground: fits, network labels apart, the steps choice shown whole", async ({ annotate }) => {
    // Six hidden layers (the most there can be) of the longest names: on a phone the columns are closer than a label.
    const act = "leakyRelu,identity,leakyRelu,identity,leakyRelu,identity,sigmoid";
    const query = `data=xor&hidden=3,3,3,3,3,3&act=${act}&points=200&mode=batch&initSeed=1`;
    const { page, errors } = await open(`${playground.url}?${query}`, width);
    await page.waitForFunction("['green', 'amber', 'red'].includes(document.querySelector('#check')?.dataset.verdict)");
    await expectNoSideways(page, width);
    const boxes = JSON.parse((await page.getAttribute("canvas.diagram", "data-labels")) ?? "[]") as {
      left: number;
      right: number;
      top: number;
      bottom: number;
    }[];
    expect(boxes.length).toBe(8 * 2); // a^[l] and its activation, for x, six hidden layers and the output
    const canvasWidth = await page.evaluate<number>("document.querySelector('canvas.diagram').clientWidth");
    for (const [i, a] of boxes.entries()) {
      expect(a.left).toBeGreaterThanOrEqual(0);
      expect(a.right).toBeLessThanOrEqual(canvasWidth);
      for (const b of boxes.slice(i + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(true);
      }
    }
    // The chosen option's text fits in the select, beside its arrow.
    const fit = await page.evaluate<{ text: number; box: number }>(`(() => {
      const s = document.querySelector("select[name=mode]");
      const c = document.createElement("canvas").getContext("2d");
      c.font = getComputedStyle(s).font;
      return { text: c.measureText(s.selectedOptions[0].text).width, box: s.clientWidth };
    })()`);
    expect(fit.text + 20).toBeLessThanOrEqual(fit.box);
    await keep(page, `playground-${width}`, annotate);
    expect(errors).toEqual([]);
    await page.close();
  });
});
