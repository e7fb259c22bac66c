/**
 * The playground in a real browser: Debian's Chromium, headless, driven by
 * playwright-core against `startPlayground` on 127.0.0.1, with every request
 * elsewhere refused. The reference solutions train XOR and pass the gradient
 * check; catalogued δ mistakes turn the check red at the layer where they
 * start; errors in student code show in the banner and stop training; a save
 * is picked up; the page fits a desktop and a 390 px phone. Screenshots go to
 * artifacts/playground/.
 */
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { launchChromium, screenshot } from "./chromium.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadManifest } from "../manifest.ts";
import { CATALOGUE } from "../misconceptions/catalogue.ts";
import { submissionWithMistakes } from "../misconceptions/apply.ts";
import { paths } from "../paths.ts";
import { startPlayground, type Playground } from "../playground/server.ts";
import { courseOnly, graderClosure } from "../release/contents.ts";

const ARTIFACTS = path.join(paths.root, "artifacts", "playground");
const SEEDS = "points=200&noise=0.05&dataSeed=1&eta=0.1&mode=instance&initSeed=1";
const XOR = `data=xor&hidden=8,8&act=tanh,tanh,sigmoid&${SEEDS}`;

let tmp: string;
let context: BrowserContext;
const servers: Playground[] = [];
/** Requests for anything but the playground itself: there must be none. */
const outside: string[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-playground-"));
  context = await launchChromium(path.join(tmp, "profile"), 1280);
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
    outside.push(route.request().url());
    return route.abort();
  });
  await mkdir(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await context?.close();
  await Promise.all(servers.map((s) => s.close()));
  await rm(tmp, { recursive: true, force: true });
});

/** A folder of exercises: the reference solutions with the given mistakes pasted in, then `edit` applied. */
async function folder(name: string, mistakes: string[], edit?: (files: Map<string, string>) => void): Promise<string> {
  const chosen = mistakes.map((id) => CATALOGUE.find((m) => m.id === id)!);
  const files = submissionWithMistakes(loadManifest(), chosen);
  edit?.(files);
  const dir = path.join(tmp, name);
  for (const [rel, text] of files) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return dir;
}

async function serve(impl: string): Promise<string> {
  const playground = await startPlayground({ impl, label: path.basename(impl), port: 0 });
  servers.push(playground);
  return playground.url;
}

async function open(url: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

/** The check's verdict once the student's code has loaded: green, amber or red, and the first wrong layer. */
async function verdict(page: Page): Promise<{ verdict: string; firstWrong: string }> {
  // Page-side code is given as text: the kit's TypeScript has no DOM types.
  await page.waitForFunction("['green', 'amber', 'red'].includes(document.querySelector('#check')?.dataset.verdict)");
  return (await page.evaluate(
    "({ verdict: document.querySelector('#check').dataset.verdict, firstWrong: document.querySelector('#check').dataset.firstWrong })",
  )) as { verdict: string; firstWrong: string };
}

async function banner(page: Page): Promise<{ fn: string; kind: string; text: string }> {
  await page.waitForSelector("#banner:not([hidden])");
  return (await page.evaluate(
    "({ fn: document.querySelector('#banner').dataset.fn, kind: document.querySelector('#banner').dataset.kind, text: document.querySelector('#banner').textContent })",
  )) as { fn: string; kind: string; text: string };
}

/** Shares of the heatmap's pixels that are clearly blue (class 1) and clearly orange (class 0). */
const HEATMAP_SHARES = `(() => {
  const c = document.querySelector("canvas.heatmap");
  const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
  let blue = 0, orange = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 2] > d[i] + 60) blue++;
    else if (d[i] > d[i + 2] + 60) orange++;
  }
  return { blue: blue / (d.length / 4), orange: orange / (d.length / 4) };
})()`;

describe("the playground in the student release", () => {
  it("is followed from its entry point, page and stylesheet included, with nothing course-only", async () => {
    const pkg = JSON.parse(await readFile(path.join(paths.root, "package.json"), "utf8"));
    const files = await graderClosure(paths.root, pkg.dependencies);
    expect(files).toEqual(
      expect.arrayContaining([
        "grader/playground/cli.ts",
        "grader/playground/server.ts",
        "grader/playground/client/main.ts",
        "grader/playground/client/style.css",
      ]),
    );
    expect(files.filter((f) => courseOnly(f))).toEqual([]);
  });
});

describe("the playground in headless Chromium", () => {
  it("trains XOR below a loss of 0.05 with the reference solutions, checks green, and draws both classes", async () => {
    const url = await serve(paths.solutions);
    const { page, errors } = await open(`${url}?${XOR}&play=1`);
    await page.waitForFunction("Number(document.querySelector('#status')?.dataset.loss || 1) < 0.05", null, {
      timeout: 90_000,
    });
    await page.click("#play"); // pause: the check and the opened-up step catch up with the weights
    expect(await verdict(page)).toEqual({ verdict: "green", firstWrong: "" });
    // Three layers and dε/dŷ, checked by the solutions' own numericalGradient and relativeError (08).
    expect(await page.locator("#check li.agree").count()).toBe(4);
    expect(await page.textContent("#check .uses")).toContain("your numericalGradient");
    const shares = (await page.evaluate(HEATMAP_SHARES)) as { blue: number; orange: number };
    expect(shares.blue).toBeGreaterThan(0.2);
    expect(shares.orange).toBeGreaterThan(0.2);
    expect(await page.locator("#opened table.mat").count()).toBeGreaterThan(0);
    expect(await page.isHidden("#banner")).toBe(true);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  // δ mistakes pasted into deltas: the first wrong layer, going back from the output, is where each one starts.
  it.each([
    ["delta-missing-gprime", "tanh,tanh,sigmoid", "8,8", "3"],
    ["delta-output-no-gprime", "tanh,tanh,sigmoid", "8,8", "3"],
    ["delta-gprime-of-a", "tanh,tanh,sigmoid", "8,8", "3"],
    // An identity output has g′ = 1, so the output δ is right and the mistake starts one layer down.
    ["delta-missing-gprime", "tanh,tanh,identity", "8,8", "2"],
    ["delta-gprime-of-a", "tanh,tanh,identity", "8,8", "2"],
    ["delta-gprime-of-a", "sigmoid,identity", "6", "1"],
  ])("%s with %s (hidden %s) turns the check red at layer %s", async (mistake, act, hidden, layer) => {
    const url = await serve(await folder(mistake, [mistake]));
    const { page, errors } = await open(`${url}?data=circles&hidden=${hidden}&act=${act}&${SEEDS}`);
    expect(await verdict(page)).toEqual({ verdict: "red", firstWrong: layer });
    expect(await page.locator(`#check li[data-layer="${layer}"]`).getAttribute("data-band")).toBe("wrong");
    expect(await page.locator("#opened td.wrong").count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("points at lossGradient, not layer 3, when it returns y − ŷ, and says 08 is the stub", async () => {
    const flipped = (files: Map<string, string>) => {
      const source = files.get("06-gradients/gradients.ts")!;
      files.set("06-gradients/gradients.ts", source.replace("yj - y[j]", "y[j] - yj"));
      files.set(
        "08-gradient-check/gradcheck.ts",
        readFileSync(path.join(paths.exercises, "08-gradient-check/gradcheck.ts"), "utf8"),
      );
    };
    const url = await serve(await folder("loss-gradient-flipped", [], flipped));
    const { page, errors } = await open(`${url}?data=circles&hidden=8,8&act=tanh,tanh,sigmoid&${SEEDS}`);
    expect(await verdict(page)).toEqual({ verdict: "red", firstWrong: "loss" });
    expect(await page.textContent("#check .summary")).toContain("Your lossGradient (06) disagrees");
    expect(await page.locator('#check li[data-layer="loss"]').getAttribute("data-band")).toBe("wrong");
    expect(await page.textContent("#check .uses")).toContain("Exercise 08 is not solved yet");
    expect(await page.textContent("#opened")).toContain("yours (lossGradient)");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("stays green when the mistake makes no difference: no g′ at an identity output", async () => {
    const url = await serve(await folder("output-identity", ["delta-output-no-gprime"]));
    const { page } = await open(`${url}?data=circles&hidden=8,8&act=tanh,tanh,identity&${SEEDS}`);
    expect(await verdict(page)).toEqual({ verdict: "green", firstWrong: "" });
    await page.close();
  });

  const throwing = (files: Map<string, string>) =>
    files.set(
      "04-forward/forward.ts",
      `import type { ForwardCache, Layer, Vector } from "../types";\nexport function forward(layers: Layer[], x: Vector): ForwardCache {\n  throw new Error("boom: the forward pass fell over");\n}\n`,
    );

  const syntaxError = (files: Map<string, string>) => files.set("05-delta/delta.ts", "export function deltas( {\n");
  const importsGrader = (files: Map<string, string>) =>
    files.set("04-forward/forward.ts", `import "../../grader/paths.ts";\n${files.get("04-forward/forward.ts")}`);

  it.each([
    ["a throwing forward", "throws", [], throwing, "forward", "threw", "boom: the forward pass fell over"],
    ["a transposed weight gradient", "shape", ["grad-transposed"], undefined, "gradients", "shape", "2×8 matrix"],
    ["W^[l+1] transposed, out of its bounds", "nan", ["delta-w-transposed"], undefined, "deltas", "nan", "NaN"],
    ["a syntax error", "syntax", [], syntaxError, "", "compile", "05-delta/delta.ts:2:1: Expected identifier"],
    [
      "an import from outside exercises/",
      "outside",
      [],
      importsGrader,
      "",
      "compile",
      "may import only other exercise files",
    ],
  ] as const)("shows %s in the banner and stops", async (_what, name, mistakes, edit, fn, kind, text) => {
    const url = await serve(await folder(name, [...mistakes], edit));
    const { page, errors } = await open(`${url}?${XOR}&play=1`);
    const shown = await banner(page);
    expect(shown).toMatchObject({ fn, kind });
    expect(shown.text).toContain(text);
    expect(shown.text).toContain("Training stopped");
    expect(await page.getAttribute("#play", "aria-pressed")).toBe("false");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says which function of the stubs is not implemented yet", async () => {
    const url = await serve(paths.exercises);
    const { page } = await open(`${url}?${XOR}`);
    expect(await banner(page)).toMatchObject({ fn: "forward", kind: "not-implemented" });
    await page.close();
  });

  it("picks up a save: fixing forward clears the banner and the check turns green", async () => {
    const dir = await folder("fixed-on-save", [], throwing);
    const url = await serve(dir);
    const { page } = await open(`${url}?${XOR}`);
    await banner(page);
    await writeFile(
      path.join(dir, "04-forward/forward.ts"),
      await readFile(path.join(paths.solutions, "04-forward/forward.ts")),
    );
    await page.waitForSelector("#banner", { state: "hidden" });
    expect(await verdict(page)).toEqual({ verdict: "green", firstWrong: "" });
    await page.close();
  });

  it.each([
    ["desktop", 1280],
    ["phone", 390],
  ])("fits a %s (%i px) and keeps a screenshot", async (name, width) => {
    const url = await serve(paths.solutions);
    const { page, errors } = await open(`${url}?${XOR}&play=1`, width);
    await page.waitForFunction("Number(document.querySelector('#status')?.dataset.epoch) >= 20", null, {
      timeout: 90_000,
    });
    await page.click("#play");
    await verdict(page);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(width);
    await screenshot(page, path.join(ARTIFACTS, `${name}.png`));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("steps in batch mode with the mean gradient and sgdStep, one epoch a click", async () => {
    const url = await serve(paths.solutions);
    const query =
      "data=gaussians&hidden=4&act=tanh,sigmoid&points=200&noise=0.05&dataSeed=1&eta=0.5&mode=batch&initSeed=1";
    const { page, errors } = await open(`${url}?${query}`);
    await verdict(page);
    // A click resolves once Chromium has the input, which a busy page may handle later: wait until the page shows
    // the epoch the clicks make, then read it. A lost or extra step still fails (a timeout, or the epoch read).
    const status = async (epoch: number) => {
      await page.waitForFunction(`Number(document.querySelector('#status')?.dataset.epoch) >= ${epoch}`, null, {
        timeout: 60_000,
      });
      return (await page.evaluate("({ ...document.querySelector('#status').dataset })")) as {
        epoch: string;
        loss: string;
      };
    };
    await page.click("#step");
    const first = await status(1);
    for (let i = 0; i < 30; i++) await page.click("#step");
    const later = await status(31);
    expect(first.epoch).toBe("1");
    expect(later.epoch).toBe("31");
    expect(Number(later.loss)).toBeLessThan(Number(first.loss));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps the setup in the URL", async () => {
    const url = await serve(paths.solutions);
    const { page } = await open(`${url}?data=spiral&hidden=5&act=relu,sigmoid&${SEEDS}`);
    await verdict(page);
    await page.selectOption("select[name=data]", "gaussians");
    await page.click("button[name=addLayer]");
    const query = new URL(page.url()).searchParams;
    expect(query.get("data")).toBe("gaussians");
    expect(query.get("hidden")).toBe("5,5");
    expect(query.get("act")).toBe("relu,relu,sigmoid");
    const again = await context.newPage();
    await again.goto(page.url());
    expect(await again.inputValue("select[name=data]")).toBe("gaussians");
    expect(await again.locator(".layers li").count()).toBe(3);
    await again.close();
    await page.close();
  });
});
