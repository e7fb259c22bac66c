/**
 * The attacks that could end a whole run if a wall were missing (what crosses
 * from the sandbox, the compiler, the submission container), each graded with
 * one clean neighbour through the real `grade` command: the run must finish
 * within its limits and exit 0, the attack must end as it must, and the
 * neighbour must score full marks. Each attack that reaches the compiler or a
 * sandbox is graded on its own; the submission containers that are refused
 * before anything is compiled (FIFOs, devices, hard links, oversized zips and
 * folders) share one run, since none of them reaches what the others use.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SubmissionResultSchema, type SubmissionResult } from "../engine/results.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { ATTACKS, type Attack } from "./corpus.ts";
import { buildAttack, runnable, solutionsAt } from "./corpus-build.ts";
import { lostOnlyWhatItAttacked } from "./corpus-check.ts";
import { cliArgs } from "./cli-bundle.ts";
import { TEST_TYPECHECK_ENV } from "./typecheck-limits.ts";

const run = promisify(execFile);
const manifest = loadManifest();
const endsRun = ATTACKS.filter((a) => a.endsRun && runnable(a));
/** Refused by intake: a container built in code, never compiled or run. */
const refusedAtIntake = (a: Attack) => a.make !== undefined && a.status === "refused";
const alone = endsRun.filter((a) => !refusedAtIntake(a));
const containers = endsRun.filter(refusedAtIntake);
/** One submission's limit (60 s) plus start-up and compiling retries: a run that ends must end well before. */
const RUN_LIMIT_MS = 150_000;
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-alone-"));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

async function load(out: string, id: string): Promise<SubmissionResult> {
  return SubmissionResultSchema.parse(JSON.parse(await readFile(path.join(out, id, "results.json"), "utf8")));
}

/** Grades `attacks` with a clean neighbour in one run, which must end in time and exit 0; the neighbour scores full marks. */
async function gradeWithNeighbour(name: string, attacks: Attack[]): Promise<string> {
  const classDir = path.join(tmp, name, "class");
  const out = path.join(tmp, name, "results");
  await mkdir(classDir, { recursive: true });
  await solutionsAt(path.join(classDir, "neighbour"));
  for (const a of attacks) await buildAttack(a, classDir, out);
  const started = Date.now();
  // execFile rejects on a non-zero exit or when the time limit kills the run.
  await run(process.execPath, cliArgs("grade", [classDir, "--out", out]), {
    cwd: paths.root,
    timeout: RUN_LIMIT_MS,
    maxBuffer: 64 * 2 ** 20,
    // The attacks on the compiler hold up its type check too: skipped after seconds, not the grader's 8 s.
    env: { ...process.env, ...TEST_TYPECHECK_ENV },
  });
  expect(Date.now() - started).toBeLessThan(RUN_LIMIT_MS);
  const neighbour = await load(out, "neighbour");
  expect(neighbour.grading_status).toBe("graded");
  // Full marks: every case passed (the score passes max_score, since bonus points are extra credit).
  expect(neighbour.cases.filter((c) => c.status !== "pass").map((c) => c.key)).toEqual([]);
  expect(existsSync(path.join(out, "gradebook.csv"))).toBe(true);
  return out;
}

async function endsAsItMust(a: Attack, out: string): Promise<void> {
  const r = await load(out, a.name);
  expect(r.grading_status, r.note).toBe(a.status);
  const text = JSON.stringify(r);
  for (const wanted of a.reports ?? []) expect(text).toContain(wanted);
  if (a.status !== "refused" && a.loses !== "any") lostOnlyWhatItAttacked(r, a.loses, manifest);
}

describe("each attack that could end a run, graded alone with a clean neighbour", () => {
  it.each(alone.map((a) => ({ a, name: a.name })))(
    "$name",
    async ({ a }) => endsAsItMust(a, await gradeWithNeighbour(a.name, [a])),
    RUN_LIMIT_MS + 30_000,
  );
});

describe("the containers refused before compiling, graded together with a clean neighbour", () => {
  let out: string;
  beforeAll(async () => {
    out = await gradeWithNeighbour("containers", containers);
  }, RUN_LIMIT_MS + 30_000);

  it("are all here", () => expect(containers.length).toBeGreaterThanOrEqual(5));

  it.each(containers.map((a) => ({ a, name: a.name })))("$name", ({ a }) => endsAsItMust(a, out));
});
