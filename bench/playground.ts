/**
 * The playground's speed: the reference solutions training XOR with 200
 * points on a 2-8-8-1 network in headless Chromium, one epoch and a full
 * redraw per frame. Reports frames per second as the page ran them, and the
 * median work of a frame (what it costs, whatever the display's rate).
 *
 *   npx tsx bench/playground.ts     on its own; `npm run bench` prints the same row
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { launchChromium } from "../grader/test/chromium.ts";
import { paths } from "../grader/paths.ts";
import { startPlayground } from "../grader/playground/server.ts";

const WARM_UP_MS = 2000;
const MEASURE_MS = 5000;
const TARGET_FPS = 30;

interface Stats {
  frames: number;
  epoch: number;
  recentMs: number[];
}

export interface PlaygroundFigures {
  fps: number;
  medianWorkMs: number;
  epochs: number;
}

export async function measurePlayground(): Promise<PlaygroundFigures> {
  const playground = await startPlayground({ impl: paths.solutions, label: "solutions", port: 0 });
  const profile = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-pg-bench-"));
  const context = await launchChromium(profile, 1400);
  try {
    const page = await context.newPage();
    const query = "data=xor&points=200&noise=0.05&dataSeed=1&hidden=8,8&act=tanh,tanh,sigmoid&eta=0.1&initSeed=1";
    await page.goto(`${playground.url}?${query}&play=1`);
    const stats = async () => (await page.evaluate("window.playground.stats")) as Stats;
    await page.waitForFunction("window.playground?.stats.playing === true");
    await page.waitForTimeout(WARM_UP_MS);
    const before = await stats();
    const started = Date.now();
    await page.waitForTimeout(MEASURE_MS);
    const after = await stats();
    const seconds = (Date.now() - started) / 1000;
    const sorted = [...after.recentMs].sort((a, b) => a - b);
    return {
      fps: (after.frames - before.frames) / seconds,
      medianWorkMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
      epochs: after.epoch,
    };
  } finally {
    await context.close();
    await playground.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** One row of `npm run bench`'s table. */
export async function playgroundRow(): Promise<[string, string, string]> {
  const f = await measurePlayground();
  return [
    "playground: train + redraw, XOR, 200 points, 2-8-8-1, headless Chromium",
    // The machine's load says how much of the figure is the page and how much is its neighbours.
    `${f.fps.toFixed(1)} frames/s (median work ${f.medianWorkMs.toFixed(1)} ms/frame, load ${os.loadavg()[0].toFixed(1)})`,
    `≥ ${TARGET_FPS}/s: ${f.fps >= TARGET_FPS ? "yes" : "NO"}`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [what, figure, target] = await playgroundRow();
  console.log(`| ${what} | ${figure} | ${target} |`);
}
