/**
 * A student's day through the real `check` command (the plain-node launcher `npm run check` runs): set-up
 * advice without `npm ci`, type errors as warnings that leave the score alone, a missing export said once,
 * exercises named as students name them, and hints that follow what fails, one more per `h`.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { startWatch } from "./watch-helpers.ts";
import { resolveExercise } from "../check/resolve.ts";
import { cliArgs } from "./cli-bundle.ts";

const run = promisify(execFile);
const manifest = loadManifest();
const LAUNCHER = path.join(paths.root, "grader", "cli", "check-launch.js");
let tmp: string;

/** Through the launcher, as `npm run check` runs it. */
function launch(...args: string[]) {
  return run(process.execPath, [LAUNCHER, ...args], { cwd: paths.root, env: { ...process.env, NO_COLOR: "1" } });
}

/**
 * The same command from the test run's CLI bundle, a second less of CPU per start: the launcher's own work is
 * checked above and by `check -- delta` below, and a release's `npm run check` goes through it in release.test.ts.
 */
function check(...args: string[]) {
  return run(process.execPath, cliArgs("check", args), { cwd: paths.root, env: { ...process.env, NO_COLOR: "1" } });
}

/** The reference solutions with one file's text changed. */
async function solutionsWith(name: string, file: string, change: (text: string) => string): Promise<string> {
  const dir = path.join(tmp, name);
  await cp(paths.solutions, dir, { recursive: true });
  const target = path.join(dir, file);
  await writeFile(target, change(await readFile(target, "utf8")));
  return dir;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-student-"));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe("npm run check before npm ci", () => {
  it("says how to set up, not 'tsx: not found'", async () => {
    const bare = path.join(tmp, "bare");
    await mkdir(path.join(bare, "grader", "cli"), { recursive: true });
    await cp(path.join(paths.root, "package.json"), path.join(bare, "package.json"));
    await cp(LAUNCHER, path.join(bare, "grader", "cli", "check-launch.js"));
    const failed = await run("npm", ["run", "-s", "check"], { cwd: bare }).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain("not set up yet");
    expect(failed?.stderr).toMatch(/^\s+npm ci$/m);
    expect(failed?.stderr).toMatch(/^\s+npm run check$/m);
    expect(failed!.stdout + failed!.stderr).not.toMatch(/not found|at .+:\d+:\d+/);
  });
});

describe("type errors", () => {
  it("show as warnings with file:line, and the score does not change", async () => {
    const dir = await solutionsWith("typed", "05-delta/delta.ts", (t) =>
      t.replace("  const L = layers.length;", "  const L = layers.length;\n  const count: string = layers.length;"),
    );
    const [clean, typed] = await Promise.all([
      check("--json", "--dir", paths.solutions),
      check("--json", "--dir", dir),
    ]);
    const before = JSON.parse(clean.stdout);
    const after = JSON.parse(typed.stdout);
    expect(after.score).toBe(before.score);
    // Every exercise full (the total may pass max_score: bonus points are extra credit).
    for (const e of after.exercises as { id: string; score: number; max_score: number }[])
      expect(e.score, e.id).toBe(e.max_score);
    expect(before.type_warnings).toEqual([]);
    expect(after.type_warnings).toEqual([
      expect.objectContaining({ file: "exercises/05-delta/delta.ts", line: 14, column: 9, code: 2322 }),
    ]);
    const { stdout } = await check("05", "--dir", dir);
    expect(stdout).toContain(
      "exercises/05-delta/delta.ts:14:9 TS2322: Type 'number' is not assignable to type 'string'.",
    );
    expect(stdout).toMatch(/1 type error .*the score does not change/);
    expect(stdout).toMatch(/05 The δ recursion\s+(\d+)\/\1\s+complete/);
  });
});

describe("a renamed export", () => {
  it("is said once, as the file not exporting the name", async () => {
    const dir = await solutionsWith("renamed", "05-delta/delta.ts", (t) =>
      t.replace("export function deltas(", "export function computeDeltas("),
    );
    const { stdout } = await check("05", "--dir", dir);
    expect(stdout.match(/does not export `deltas`/g)).toHaveLength(1);
    expect(stdout).not.toContain("threw");
    expect(stdout).not.toContain("does not export a function named");
  });
});

describe("naming an exercise", () => {
  it.each([
    ["5", "05-delta"],
    ["05", "05-delta"],
    ["05-delta", "05-delta"],
    ["delta", "05-delta"],
    ["del", "05-delta"],
    ["delta.ts", "05-delta"],
    ["exercises/05-delta/delta.ts", "05-delta"],
    ["gradcheck.ts", "08-gradient-check"],
    ["desc", "07-gradient-descent"],
    ["gradients", "06-gradients"],
  ])("%s is %s", (wanted, id) => {
    expect(resolveExercise(manifest, wanted)).toBe(id);
  });

  it.each([["grad"], ["d"], ["99"], ["nothing"]])("%s is refused with a list to choose from", (wanted) => {
    expect(() => resolveExercise(manifest, wanted)).toThrow(/could be|not an exercise/);
  });

  it("works through the command: check -- delta", async () => {
    const { stdout } = await launch("delta");
    expect(stdout).toContain("── 05 The δ recursion");
    expect(stdout).not.toMatch(/^\s+[✓◐·✗] 01 /m);
  });
});

describe("hints", () => {
  it("start with what fails, and h says when there are no more", async () => {
    // sgn and predict are right; update steps the wrong way, so pla fails too.
    const dir = await solutionsWith("update", "02-perceptron/perceptron.ts", (t) =>
      t.replace("const step = eta * (y - yHat);", "const step = eta * (yHat - y);"),
    );
    const perceptron = manifest.exercises.find((e) => e.id === "02-perceptron")!;
    const { stdout } = await check("02", "--dir", dir);
    expect(stdout).not.toContain(perceptron.hints[0].text); // sgn(0) is −1: already right
    expect(stdout).toMatch(new RegExp(`hint 1/\\d: ${escape(perceptron.hints[1].text)}`));

    const { child, output, waitFor } = startWatch(cliArgs("check", ["--watch", "02", "--dir", dir]));
    try {
      await waitFor(/\[watch\] checked 02-perceptron/, 0);
      let screens = 0;
      let from = output().length;
      for (;;) {
        child.stdin.write("h\n");
        const seen = await waitFor(/keys: h next hint/, from);
        from = output().length;
        screens++;
        if (seen.includes("No more hints")) break;
        expect(screens).toBeLessThan(perceptron.hints.length + 1);
      }
      expect(screens).toBeGreaterThan(1);
      child.stdin.write("q\n");
      expect(await new Promise((r) => child.on("close", r))).toBe(0);
    } finally {
      child.kill();
    }
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
