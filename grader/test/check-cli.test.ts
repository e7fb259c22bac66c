/**
 * The student's loop, through the real `check` command: stubs show 0 points
 * and "not started" without a stack trace, the solutions score everything,
 * a catalogued mistake is explained, and watch mode follows the saved file
 * without ever moving on by itself.
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { startWatch } from "./watch-helpers.ts";
import { submissionWithMistakes } from "../misconceptions/apply.ts";
import { CATALOGUE } from "../misconceptions/catalogue.ts";
import { cliArgs } from "./cli-bundle.ts";

const run = promisify(execFile);
const manifest = loadManifest();
let tmp: string;

function check(...args: string[]) {
  return run(process.execPath, cliArgs("check", args), { cwd: paths.root, env: { ...process.env, NO_COLOR: "1" } });
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-check-"));
  // The reference solutions with δ's g′ factor left out.
  const mistaken = submissionWithMistakes(manifest, [CATALOGUE.find((m) => m.id === "delta-missing-gprime")!]);
  await cp(paths.solutions, path.join(tmp, "mistake"), { recursive: true });
  for (const [rel, text] of mistaken) await writeFile(path.join(tmp, "mistake", rel), text);
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe("npm run check", () => {
  it("shows the untouched stubs at 0 points, every exercise not started, with no stack trace", async () => {
    const { stdout, stderr } = await check();
    expect(stdout).toMatch(/0\/9 exercises complete, 0\/\d+ points/);
    for (const e of manifest.exercises) expect(stdout).toMatch(new RegExp(`${e.id.slice(0, 2)} .*not started`));
    expect(stdout + stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(stderr).toBe("");
  });

  it("reports every point in --json for the reference solutions, bonus on top of the maximum", async () => {
    const result = JSON.parse((await check("--json", "--dir", paths.solutions)).stdout);
    const points = (bonus: boolean) =>
      result.exercises
        .filter((e: { bonus: boolean }) => e.bonus === bonus)
        .reduce((s: number, e: { max_score: number }) => s + e.max_score, 0);
    expect(result.max_score).toBe(points(false));
    expect(result.score).toBe(points(false) + points(true));
    expect(result.exercises.map((e: { status: string }) => e.status)).toEqual(manifest.exercises.map(() => "complete"));
  });

  it("takes the points of a δ without g′, shows expected vs received, and names the mistake", async () => {
    const { stdout } = await check("05", "--dir", path.join(tmp, "mistake"));
    const [, score, max] = /05 The δ recursion\s+(\d+)\/(\d+)/.exec(stdout) ?? [];
    expect(Number(score)).toBeLessThan(Number(max) / 2);
    expect(stdout).toMatch(/expected -?[\d.e-]+, received -?[\d.e-]+ → at δ\^\[\d\]_\d/);
    expect(stdout).toMatch(/returned by exercises\/05-delta\/delta\.ts:\d+/);
    // The mistake's first case in full; the others that show it are listed after it (see terminal.test.ts).
    expect(stdout).toMatch(/layer by layer: δ\^\[\d\] ✗ \(every unit\) · δ\^\[\d\] ✗/);
    expect(stdout).toContain("δ without the g′(f) factor");
    expect(stdout).not.toMatch(/^\s+[✓◐·✗] 01 /m); // one exercise only
  });

  it.each([["99"], ["--no-such-flag"]])("refuses %s with a message and a non-zero status", async (arg) => {
    const failed = await check(arg).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).not.toBe(0);
    expect(failed?.stderr).not.toBe("");
  });
});

describe("npm run check -- --watch", () => {
  it("re-checks the saved exercise and waits for n to move on", async () => {
    const dir = path.join(tmp, "watched");
    await cp(paths.exercises, dir, { recursive: true });
    const { child, output, waitFor } = startWatch(cliArgs("check", ["--watch", "--dir", dir]));
    try {
      await waitFor(/\[watch\] checked all/, 0);
      let from = output().length;
      await cp(path.join(paths.solutions, "01-linear-algebra"), path.join(dir, "01-linear-algebra"), {
        recursive: true,
      });
      const saved = await waitFor(/\[watch\] checked 01-linear-algebra/, from);
      expect(saved).toContain("Press n to move on to 02-perceptron");
      await new Promise((r) => setTimeout(r, 500));
      expect(output().slice(from)).not.toContain("checked 02-perceptron"); // never jumps ahead by itself
      from = output().length;
      child.stdin.write("n\n");
      const next = await waitFor(/\[watch\] checked 02-perceptron/, from);
      expect(next).toContain("── 02 Perceptron");
      child.stdin.write("q\n");
      expect(await new Promise((r) => child.on("close", r))).toBe(0);
    } finally {
      child.kill();
    }
  });
});
