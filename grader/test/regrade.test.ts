/**
 * `npm run grade -- regrade`: a course loosens one case's tolerance and tightens another's, and the regrade finds
 * exactly the students those flip, says why, and gives canvas.csv the score its policy says. Then what a rerun may
 * keep of an earlier result, case by case.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../reports/csv-read.ts";
import { caseFingerprints } from "../batch/fingerprint.ts";
import { mergePartial, planReuse } from "../batch/reuse.ts";
import { DEFAULT_LIMITS } from "../engine/grade.ts";
import type { SubmissionResult } from "../engine/results.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { cliArgs } from "./cli-bundle.ts";

const run = promisify(execFile);
const grade = (...args: string[]) => run(process.execPath, cliArgs("grade", args), { cwd: paths.root });
let tmp: string;

/** The reference, with one function's return value replaced. */
async function student(dir: string, fn: string, returned: string): Promise<void> {
  await cp(paths.solutions, path.join(dir, "exercises"), { recursive: true });
  const file = path.join(dir, "exercises/03-activations/activations.ts");
  const source = await readFile(file, "utf8");
  const patched = source.replace(
    new RegExp(`(export function ${fn}\\(z: number\\): number \\{)`),
    `$1\n  return ${returned};`,
  );
  expect(patched).not.toBe(source);
  await writeFile(file, patched);
}

async function setTolerance(fixtures: string, id: string, rtol: number): Promise<void> {
  const file = path.join(fixtures, "03-activations/public.json");
  const fixture = JSON.parse(await readFile(file, "utf8"));
  fixture.cases.find((c: { id: string }) => c.id === id).check.rtol = rtol;
  await writeFile(file, JSON.stringify(fixture, null, 2) + "\n");
}

const rows = async (file: string) => {
  const [header, ...body] = parseCsv(await readFile(file, "utf8"), file);
  return new Map(body.map((r) => [r.cells[0], Object.fromEntries(header.cells.map((h, i) => [h, r.cells[i]]))]));
};

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-regrade-"));
  const klass = path.join(tmp, "class");
  await cp(paths.solutions, path.join(klass, "exact/exercises"), { recursive: true });
  await cp(paths.exercises, path.join(klass, "stub/exercises"), { recursive: true });
  // Off by 1e-7: fails relu's case at rtol 1e-9, passes at 1e-6.
  await student(path.join(klass, "rough"), "relu", "z > 0 ? z * (1 + 1e-7) : 0");
  // Off by 1e-10: passes tanh's case at rtol 1e-9, fails at 1e-12.
  await student(path.join(klass, "fine"), "tanh", "Math.tanh(z) * (1 + 1e-10)");
  const fixtures = path.join(tmp, "fixtures");
  await cp(paths.fixtures, fixtures, { recursive: true, filter: (src) => !src.includes(`${path.sep}submissions`) });
  await setTolerance(fixtures, "relu-batch", 1e-6);
  await setTolerance(fixtures, "tanh-batch-and-1000", 1e-12);
  await writeFile(
    path.join(tmp, "roster.csv"),
    ["submission,student,id", "exact,Exact,1", "stub,Stub,2", "rough,Rough,3", "fine,Fine,4", ""].join("\n"),
  );
  await grade(klass, "--out", path.join(tmp, "old"));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("npm run grade -- regrade", () => {
  it.each([
    { policy: "new", fine: -1 },
    { policy: "never-decrease", fine: 0 },
    { policy: "max", fine: 0 },
  ])("finds exactly the flipped students, and canvas.csv follows --policy $policy", async ({ policy, fine }) => {
    const out = path.join(tmp, `new-${policy}`);
    const { stdout } = await grade(
      "regrade",
      path.join(tmp, "old"),
      "--out",
      out,
      "--fixtures",
      path.join(tmp, "fixtures"),
      "--policy",
      policy,
      "--roster",
      path.join(tmp, "roster.csv"),
    );
    expect(stdout).toMatch(/2 with cases that flipped/);
    const csv = await rows(path.join(out, "regrade.csv"));
    expect([...csv.keys()].sort()).toEqual(["exact", "fine", "rough", "stub"]);
    const flipped = [...csv].filter(([, r]) => r.flipped !== "0").map(([id]) => id);
    expect(flipped.sort()).toEqual(["fine", "rough"]);
    expect(csv.get("rough")).toMatchObject({ change: "1", cases: "03-activations/relu-batch: fail 0 → pass 1" });
    expect(csv.get("fine")).toMatchObject({
      change: "-1",
      cases: "03-activations/tanh-batch-and-1000: pass 1 → fail 0",
    });
    const old = Number(csv.get("fine")!.old_score);
    expect(Number(csv.get("fine")!.final_score)).toBe(old + fine);
    const html = await readFile(path.join(out, "regrade.html"), "utf8");
    expect(html).toContain("the case 03-activations/relu-batch changed: 1 student");
    expect(html).toContain("the case 03-activations/tanh-batch-and-1000 changed: 1 student");
    // canvas.csv gets the policy's score; gradebook.csv keeps the new grading.
    const canvas = await readFile(path.join(out, "canvas.csv"), "utf8");
    expect(canvas.split("\n").find((l) => l.startsWith("Fine,"))).toContain(`,${old + fine}`);
    const gradebook = await rows(path.join(out, "gradebook.csv"));
    expect(Number(gradebook.get("fine")!.score)).toBe(old - 1);
  });

  it("refuses to write over the old results", async () => {
    const old = path.join(tmp, "old");
    await expect(grade("regrade", old, "--out", old)).rejects.toMatchObject({ stderr: /--out must be a new folder/ });
  });
});

describe("what a rerun keeps", () => {
  const manifest = loadManifest();
  const cases = loadCases(manifest, { visibility: ["public", "hidden"] });
  const fp = caseFingerprints(manifest, cases, DEFAULT_LIMITS);
  const result = (over: Partial<SubmissionResult> = {}): SubmissionResult => ({
    schema_version: 1,
    submission: "s",
    grading_status: "graded",
    score: 0,
    max_score: 1,
    note: "",
    input_hash: "h",
    grader_fingerprint: "g",
    fingerprints: fp,
    visibility: ["public", "hidden"],
    exercises: [],
    cases: cases.map((c) => ({
      key: c.key,
      id: c.id,
      exercise: c.exercise,
      name: c.name,
      fn: c.fn,
      visibility: c.visibility,
      status: "pass",
      score: c.points,
      max_score: c.points,
      message: "",
      problems: [],
    })),
    graded_at: "",
    duration_ms: 0,
    ...over,
  });
  const changed = { ...fp, cases: { ...fp.cases, [cases[0].key]: "changed" } };

  it.each([
    { name: "the same files, cases and code", old: result(), hash: "h", now: fp, fingerprint: "g", plan: "all" },
    { name: "other files", old: result(), hash: "other", now: fp, fingerprint: "g", plan: "none" },
    { name: "no earlier result", old: undefined, hash: "h", now: fp, fingerprint: "x", plan: "none" },
    {
      name: "the machine failed it",
      old: result({ grading_status: "error" }),
      hash: "h",
      now: fp,
      fingerprint: "g",
      plan: "none",
    },
    {
      name: "a timeout: never taken apart",
      old: result({ grading_status: "timeout" }),
      hash: "h",
      now: changed,
      fingerprint: "x",
      plan: "none",
    },
    {
      name: "graded before fingerprints",
      old: result({ fingerprints: undefined }),
      hash: "h",
      now: changed,
      fingerprint: "x",
      plan: "none",
    },
    {
      name: "the grader's code changed",
      old: result(),
      hash: "h",
      now: { ...fp, shared: "other" },
      fingerprint: "x",
      plan: "none",
    },
    {
      name: "one case changed",
      old: result(),
      hash: "h",
      now: changed,
      fingerprint: "x",
      plan: `partial:${cases[0].exercise}`,
    },
    { name: "only the hints changed", old: result(), hash: "h", now: fp, fingerprint: "x", plan: "partial:" },
  ])("$name: $plan", ({ old, hash, now, fingerprint, plan }) => {
    const reuse = planReuse(old, hash, fingerprint, now, cases);
    expect(reuse.kind === "partial" ? `partial:${[...reuse.rerun].join(",")}` : reuse.kind).toBe(plan);
  });

  it("merges a partial rerun into the old result, re-totalled", () => {
    const old = result();
    const first = cases[0].exercise;
    const partial = result({
      cases: old.cases.filter((c) => c.exercise === first).map((c) => ({ ...c, status: "fail", score: 0 })),
    });
    const merged = mergePartial(old, partial, new Set([first]), {
      fingerprint: "new",
      fingerprints: changed,
      cases,
      maxScore: 9,
    });
    const lost = cases.filter((c) => c.exercise === first).reduce((s, c) => s + c.points, 0);
    expect(merged.score).toBe(cases.reduce((s, c) => s + c.points, 0) - lost);
    expect(merged.cases.map((c) => c.key)).toEqual(cases.map((c) => c.key));
    expect(merged).toMatchObject({ grader_fingerprint: "new", fingerprints: changed, max_score: 9 });
  });
});
