/**
 * Grades many submissions in parallel, with up to `jobs` sandboxes running at
 * once (a couple more submissions are in flight, so that the trusted side's
 * work overlaps with the sandboxes), and writes each
 * result as soon as it is final. A result is never half-written; one that is
 * already there, graded from the same files under the same cases, is kept
 * (unless `force`); an interrupted run keeps everything it finished.
 *
 * A submission whose sandbox the machine could not run (after the sandbox's own
 * retries) is tried once more at the end, alone, when nothing else competes for
 * the machine; if that fails too its status is `error`, with no score, and the
 * next run grades it again.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { LoadedCase } from "../fixtures/schema.ts";
import type { Manifest } from "../manifest.ts";
import type { Diagnoser } from "../engine/grade.ts";
import { SubmissionResultSchema, type SubmissionResult } from "../engine/results.ts";
import { SandboxUnavailableError, type RunLimits } from "../sandbox/run.ts";
import { Gate } from "../sandbox/gate.ts";
import { Workspace } from "../sandbox/workspace.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";
import { KnownOutcomes } from "../engine/known-outcomes.ts";
import { TypeChecker } from "../check/typecheck.ts";
import type { Pending } from "../submission/expand.ts";
import { isRefused } from "../submission/source.ts";
import { failureReason, writeResult } from "./write-result.ts";
import { asReporting, writeCpuAccount } from "./cpu-account.ts";
import { caseFingerprints, fingerprint } from "./fingerprint.ts";
import { mergePartial, planReuse } from "./reuse.ts";
import { maxScore } from "../manifest.ts";
import { toRow, type Row } from "./gradebook.ts";
import { writeClassReports } from "./class-reports.ts";
import { emptyResult, gradeSubmission, readSubmission, type BatchContext } from "./grade-submission.ts";
import type { Progress } from "./progress.ts";

/** Writes one submission's extra files (feedback pages, exports) into its folder. */
export type SubmissionWriter = (result: SubmissionResult, dir: string) => Promise<void>;

export interface BatchOptions {
  submissions: Pending[];
  out: string;
  manifest: Manifest;
  cases: LoadedCase[];
  limits: RunLimits;
  jobs: number;
  force: boolean;
  signal?: AbortSignal;
  diagnose?: Diagnoser;
  writers?: SubmissionWriter[];
  progress?: Progress;
  /** The course's stubs (exercises/): untouched exercises are answered from one run of them. */
  stubs?: ExerciseFiles;
  /** The course's reference solutions (solutions/), where there are any: failures are traced to earlier exercises. */
  reference?: ExerciseFiles;
  /** An earlier run's output folder whose results may be kept, wholly or in part (a regrade). */
  earlier?: string;
}

export interface BatchReport {
  rows: Row[];
  graded: number;
  skipped: number;
  interrupted: boolean;
  isolation: string[];
  /** Submissions the machine could not grade (status `error`): no score, graded again next run. */
  errors: string[];
}

export { fingerprint };

export function resultFile(out: string, id: string): string {
  return path.join(out, id, "results.json");
}

export async function previous(file: string): Promise<SubmissionResult | undefined> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = SubmissionResultSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function machineError(ctx: BatchContext, id: string, error: SandboxUnavailableError): SubmissionResult {
  return { ...emptyResult(ctx, id, "error", error.message, Date.now()), score: null };
}

/**
 * The grader itself failed on a submission (it threw, or its result could not be written): the grader's error, as
 * the machine's is, so no score rather than a 0 the student did not earn, and the next run grades it again.
 * `crashed` is kept for a submission whose own code crashed its sandbox, which is graded and charged.
 */
function graderFailed(ctx: BatchContext, id: string, error: unknown): SubmissionResult {
  return { ...emptyResult(ctx, id, "error", failureReason(error), Date.now()), score: null };
}

export async function runBatch(options: BatchOptions): Promise<BatchReport> {
  // In the system's temporary folder, never under --out (see Workspace.create).
  const workspace = await Workspace.create({ maxDataBytes: 2 ** 29, osIsolation: true });
  const ctx: BatchContext = {
    manifest: options.manifest,
    cases: options.cases,
    workspace,
    limits: options.limits,
    fingerprint: fingerprint(options.manifest, options.cases, options.limits),
    fingerprints: caseFingerprints(options.manifest, options.cases, options.limits),
    signal: options.signal,
    diagnose: options.diagnose,
    gate: new Gate(options.jobs),
    known: options.stubs ? new KnownOutcomes(options.stubs) : undefined,
    reference: options.reference,
  };
  const checker = await TypeChecker.open();
  if (checker instanceof TypeChecker) ctx.typeChecker = checker;
  const rows: Row[] = [];
  const deferred: Pending[] = [];
  let graded = 0;
  let skipped = 0;
  let next = 0;
  const record = async (pending: Pending, outcome: SubmissionResult) => {
    const file = resultFile(options.out, pending.id);
    // Schema, serialising and writing are this submission's trouble: at worst the grader's error, with the reason.
    const result = await asReporting(async () => {
      const written = await writeResult(file, outcome, (error) => graderFailed(ctx, pending.id, error));
      for (const write of options.writers ?? []) {
        // A report that fails to render must not cost the result itself.
        await write(written, path.dirname(file)).catch((error: Error) =>
          process.stderr.write(`warning: ${pending.id}: could not write a report: ${error.message}\n`),
        );
      }
      return written;
    });
    rows.push(toRow(result));
    graded++;
    // A refused submission has no score to show, as in gradebook.csv and canvas.csv.
    const score =
      result.score === null || result.grading_status === "refused" ? "no score" : `${result.score}/${result.max_score}`;
    options.progress?.done(pending.id, `${pending.id}: ${result.grading_status} ${score}`);
  };
  /** Grades one submission; undefined when the machine failed it and `lastTry` is false. */
  const grade = async (pending: Pending, lastTry: boolean): Promise<SubmissionResult | undefined> => {
    const collected = await readSubmission(pending);
    let reuse = async () => gradeSubmission(collected, ctx);
    if (!options.force && !isRefused(collected) && !lastTry) {
      const here = await previous(resultFile(options.out, pending.id));
      const old = here ?? (options.earlier ? await previous(resultFile(options.earlier, pending.id)) : undefined);
      const plan = planReuse(old, collected.hash, ctx.fingerprint, ctx.fingerprints, ctx.cases);
      if (plan.kind === "all" && old === here) {
        rows.push(toRow(old!));
        skipped++;
        options.progress?.done(pending.id, `${pending.id}: unchanged since the last run, kept`);
        return undefined;
      }
      if (plan.kind === "all") return old;
      if (plan.kind === "partial") {
        const current = {
          fingerprint: ctx.fingerprint,
          fingerprints: ctx.fingerprints!,
          cases: ctx.cases,
          maxScore: maxScore(ctx.manifest, ctx.cases),
        };
        const rerunCases = ctx.cases.filter((c) => plan.rerun.has(c.exercise));
        reuse = async () =>
          rerunCases.length === 0
            ? mergePartial(old!, { ...old!, cases: [], exercises: [] }, plan.rerun, current)
            : mergePartial(old!, await gradeSubmission(collected, { ...ctx, cases: rerunCases }), plan.rerun, current);
      }
    }
    try {
      return await reuse();
    } catch (error) {
      if (!(error instanceof SandboxUnavailableError)) return graderFailed(ctx, pending.id, error);
      if (lastTry) return machineError(ctx, pending.id, error);
      deferred.push(pending);
      return undefined;
    }
  };
  const worker = async () => {
    while (next < options.submissions.length && !options.signal?.aborted) {
      const pending = options.submissions[next++];
      const result = await grade(pending, false);
      // A submission cut short by Ctrl-C is not a result; the next run grades it.
      if (options.signal?.aborted) break;
      if (result) await record(pending, result);
    }
  };
  try {
    const inFlight = Math.max(1, Math.min(options.jobs + 2, options.submissions.length));
    await Promise.all(Array.from({ length: inFlight }, worker));
    // The machine's last chance for each: alone, after the rest of the batch.
    for (const pending of deferred) {
      if (options.signal?.aborted) break;
      const result = await grade(pending, true);
      if (result && !options.signal?.aborted) await record(pending, result);
    }
    await asReporting(() => writeClassReports(options.out, options.manifest, rows));
  } finally {
    options.progress?.stop();
    await Promise.all([workspace.dispose(), ctx.typeChecker?.close()]);
    writeCpuAccount();
  }
  return {
    rows,
    graded,
    skipped,
    interrupted: options.signal?.aborted ?? false,
    isolation: workspace.isolation.layers,
    errors: rows.filter((r) => r.grading_status === "error").map((r) => r.submission),
  };
}
