/**
 * `npm run grade -- regrade <old out> [inputs...] --out <new out> [--policy new|max|never-decrease]`: grades the
 * class again after a course changed a case, a tolerance or the grader, into a new folder, and writes regrade.html
 * and regrade.csv: each student's old and new score and the cases that flipped, grouped by what flipped them.
 * Results whose files and cases did not change are kept; where only some cases changed, only their exercises run.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { courseReference, courseStubs } from "../engine/known-outcomes.ts";
import { DEFAULT_LIMITS } from "../engine/grade.ts";
import type { SubmissionResult } from "../engine/results.ts";
import { UsageError } from "../errors.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { loadDiagnoser } from "../misconceptions/index.ts";
import { caseFingerprints } from "../batch/fingerprint.ts";
import { progress } from "../batch/progress.ts";
import { diffStudent, POLICIES, type Policy } from "../batch/regrade.ts";
import { previous, resultFile, runBatch } from "../batch/run-batch.ts";
import { assignmentOption, reportSteps, rosterOption } from "../reports/grade-options.ts";
import { writeRegradeReports } from "../reports/regrade-report.ts";
import { expandInputs } from "../submission/expand.ts";
import { ensureOutDir } from "./out-dir.ts";

function policy(value: string): Policy {
  if (!(POLICIES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of ${POLICIES.join(", ")}`);
  return value as Policy;
}

async function readOld(dir: string, given: string): Promise<Map<string, SubmissionResult>> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined);
  if (!entries) throw new UsageError(`${given}: no such folder; pass the output folder of an earlier npm run grade`);
  const old = new Map<string, SubmissionResult>();
  for (const e of entries.filter((e) => e.isDirectory())) {
    const result = await previous(resultFile(dir, e.name));
    if (result) old.set(result.submission, result);
  }
  if (old.size === 0)
    throw new UsageError(`${given} holds no results (no <id>/results.json); pass a grade output folder`);
  return old;
}

/** The submissions the old results came from, each folder or zip once, an inner one left to its outer one. */
function sourcesOf(old: Map<string, SubmissionResult>, given: string): string[] {
  const sources = [...new Set([...old.values()].map((r) => r.source).filter((s) => s !== undefined))].sort();
  if (sources.length === 0)
    throw new UsageError(`the results in ${given} do not say where their files came from; pass the inputs too`);
  return sources.filter((s) => !sources.some((o) => o !== s && s.startsWith(o + path.sep)));
}

export async function regradeMain(argv: string[]): Promise<void> {
  const program = new Command("grade regrade")
    .description("Grade a class again into a new folder, and show what changed: regrade.html and regrade.csv.")
    .argument("<old>", "the output folder of the earlier run")
    .argument("[inputs...]", "the submissions (default: where the old results were graded from)")
    .requiredOption("-o, --out <dir>", "a new folder for the new results")
    .addOption(
      new Option("--policy <policy>", "the score canvas.csv gets: new, max (per case), or never-decrease (total)")
        .argParser(policy)
        .default("new"),
    )
    .option("-f, --force", "grade every case again, even where nothing changed")
    .option("--fixtures <dir>", "grade on this fixtures folder instead of the kit's, to see what a change would do")
    .option("-j, --jobs <n>", "sandboxes run at once (default: the number of cores)", (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive whole number");
      return n;
    })
    .addOption(rosterOption())
    .addOption(assignmentOption())
    .showHelpAfterError()
    .exitOverride()
    .parse(argv, { from: "user" });
  const opts = program.opts<{
    out: string;
    policy: Policy;
    force?: boolean;
    jobs?: number;
    roster?: string;
    fixtures?: string;
  }>();
  const [oldGiven, ...inputArgs] = program.args;
  const oldDir = path.resolve(oldGiven);
  const out = path.resolve(opts.out);
  if (out === oldDir) throw new UsageError(`--out must be a new folder: the old results in ${oldGiven} are compared`);
  const old = await readOld(oldDir, oldGiven);
  const inputs = inputArgs.length > 0 ? inputArgs : sourcesOf(old, oldGiven);

  const manifest = loadManifest();
  const dir = opts.fixtures === undefined ? undefined : path.resolve(opts.fixtures);
  const cases = loadCases(manifest, { visibility: ["public", "hidden"], dir });
  const reports = await reportSteps(opts, out, manifest);
  const submissions = await expandInputs(inputs);
  await ensureOutDir(out, opts.out);
  const limits = DEFAULT_LIMITS;
  const report = await runBatch({
    submissions,
    out,
    manifest,
    cases,
    limits,
    jobs: opts.jobs ?? os.availableParallelism(),
    force: opts.force ?? false,
    diagnose: await loadDiagnoser(),
    progress: progress(submissions.length),
    stubs: await courseStubs(),
    reference: await courseReference(),
    earlier: oldDir,
    writers: reports.writers,
  });

  const now = caseFingerprints(manifest, cases, limits).cases;
  const before = [...old.values()].find((r) => r.fingerprints)?.fingerprints?.cases ?? {};
  const changed = [...new Set([...Object.keys(now), ...Object.keys(before)])].filter((k) => now[k] !== before[k]);
  const students = [];
  for (const row of report.rows) {
    const result = await previous(resultFile(out, row.submission));
    if (result) students.push(diffStudent(old.get(row.submission), result, opts.policy));
  }
  students.sort((a, b) => (a.submission < b.submission ? -1 : 1));
  await writeRegradeReports(out, students, opts.policy, changed);
  const flipped = students.filter((s) => s.flips.length > 0);
  const rel = path.relative(process.cwd(), out) || ".";
  process.stdout.write(
    `Regraded ${students.length} ${students.length === 1 ? "submission" : "submissions"} (${report.graded} graded now, ${report.skipped} kept): ` +
      `${flipped.length} with cases that flipped.\nRegrade: ${rel}/regrade.html and ${rel}/regrade.csv` +
      ` (canvas.csv, with --roster, gets the ${opts.policy} score).\n`,
  );
  const final = new Map(students.map((s) => [s.submission, s.final]));
  await reports.finish(
    report.rows.map((r) => ({ ...r, score: final.has(r.submission) ? final.get(r.submission)! : r.score })),
  );
  if (report.errors.length > 0) process.exitCode = 1;
}
