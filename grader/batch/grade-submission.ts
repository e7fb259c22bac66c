/**
 * Grades one submission end to end and always returns a result: refused,
 * compile errors, timeouts and crashes included. Whatever happens here costs
 * this submission only.
 */
import type { LoadedCase } from "../fixtures/schema.ts";
import { maxScore, type Manifest } from "../manifest.ts";
import { gradeImplementation, renderCompileProblems, type Diagnoser } from "../engine/grade.ts";
import type { GradingStatus, SubmissionResult } from "../engine/results.ts";
import type { RunLimits } from "../sandbox/run.ts";
import type { Gate } from "../sandbox/gate.ts";
import type { Workspace } from "../sandbox/workspace.ts";
import { collect, type Pending } from "../submission/expand.ts";
import { isRefused, type Collected } from "../submission/source.ts";
import type { TypeChecker } from "../check/typecheck.ts";
import type { CaseFingerprints } from "./fingerprint.ts";
import type { KnownOutcomes } from "../engine/known-outcomes.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";
import { clipText, stripControls } from "../sanitize.ts";
import { completeSubmission } from "../submission/complete.ts";
import { markNotSubmitted, notSubmittedNotes } from "./not-submitted.ts";

export interface BatchContext {
  manifest: Manifest;
  cases: LoadedCase[];
  workspace: Workspace;
  limits: RunLimits;
  /** Identifies the cases and limits: a result graded under others is stale. */
  fingerprint: string;
  /** The same, case by case. */
  fingerprints?: CaseFingerprints;
  signal?: AbortSignal;
  diagnose?: Diagnoser;
  gate?: Gate;
  /** Outcomes of the course's stubs, for exercises the student has not touched. */
  known?: KnownOutcomes;
  /** The course's reference solutions: a later exercise's failure is traced to the student's earlier ones. */
  reference?: ExerciseFiles;
  /** Type-checks each submission's files for its feedback (warnings only); none when TypeScript is not installed. */
  typeChecker?: TypeChecker;
}

/** A result with no cases: refused, or the grader itself failed on the submission. */
export function emptyResult(
  ctx: BatchContext,
  id: string,
  status: GradingStatus,
  note: string,
  started: number,
): SubmissionResult {
  return {
    schema_version: 1,
    submission: id,
    grading_status: status,
    score: 0,
    max_score: maxScore(ctx.manifest, ctx.cases),
    note: clipText(stripControls(note, true), 20_000),
    input_hash: "",
    grader_fingerprint: ctx.fingerprint,
    ...(ctx.fingerprints ? { fingerprints: ctx.fingerprints } : {}),
    visibility: [...new Set(ctx.cases.map((c) => c.visibility))],
    exercises: [],
    cases: [],
    graded_at: new Date().toISOString(),
    duration_ms: Date.now() - started,
  };
}

/** Reads a submission's exercise files; a failure to read is a refusal, not a crash of the run. */
export async function readSubmission(p: Pending): Promise<Collected> {
  return collect(p).catch((error: Error) => ({
    id: p.id,
    source: p.source,
    reason: `could not be read: ${error.message}`,
    ...(p.note ? { note: p.note } : {}),
  }));
}

/**
 * Where the files came from, for `npm run similarity -- <results folder>`. A path holding control characters is
 * left out: no file the grader writes may carry them, and such a submission is compared from its inputs instead.
 */
function sourceField(source: string): { source?: string } {
  return stripControls(source) === source ? { source } : {};
}

export async function gradeSubmission(collected: Collected, ctx: BatchContext): Promise<SubmissionResult> {
  const started = Date.now();
  const told = collected.note ? [collected.note] : [];
  if (isRefused(collected))
    return {
      ...emptyResult(ctx, collected.id, "refused", [collected.reason, ...told].join(" | "), started),
      ...sourceField(collected.source),
    };
  // The files were read into memory once; compiling never touches the submission again. Exercises the student did
  // not hand in are filled in (see complete.ts) so that the others compile, and then count as not submitted.
  const completed = completeSubmission(collected.files, ctx.manifest);
  const [fullyGraded, typed] = await Promise.all([
    gradeImplementation({
      files: completed.files,
      manifest: ctx.manifest,
      cases: ctx.cases,
      workspace: ctx.workspace,
      limits: ctx.limits,
      signal: ctx.signal,
      diagnose: ctx.diagnose,
      gate: ctx.gate,
      known: ctx.known,
      reference: ctx.reference,
    }),
    ctx.typeChecker?.check(completed.files),
  ]);
  // Warnings about the files filled in are the course's business, not the student's.
  const typeWarnings =
    typed && "warnings" in typed
      ? typed.warnings.filter((w) => collected.files.has(w.file.replace(/^exercises\//, "")))
      : undefined;
  const ownSource = (id: string) => {
    const file = ctx.manifest.exercises.find((e) => e.id === id)?.file;
    return collected.files.get(`${id}/${file}`)?.toString("utf8");
  };
  const graded = { ...fullyGraded, ...markNotSubmitted(fullyGraded, completed, ctx.manifest, ownSource) };
  const notes: string[] = [...told, ...notSubmittedNotes(completed, ctx.manifest)];
  // Feedback only: a type check that crashed or went over its limits costs this submission its warnings.
  if (typed && "skipped" in typed) notes.push(`type check skipped: ${typed.skipped}`);
  let status: GradingStatus = "graded";
  if (graded.crashes.length > 0) {
    status = "crashed";
    const counts = new Map<string, number>();
    for (const crash of graded.crashes) counts.set(crash, (counts.get(crash) ?? 0) + 1);
    notes.push(`crashed: ${[...counts].map(([c, n]) => (n > 1 ? `${c} (${n} calls)` : c)).join("; ")}`);
  }
  const timedOut = graded.cases.filter((c) => c.status === "timeout");
  if (graded.outOfTime || timedOut.length > 0) {
    if (status === "graded") status = "timeout";
    const limit = `${ctx.limits.submissionTimeoutMs / 1000} s`;
    notes.push(
      graded.outOfTime
        ? `the submission's time limit of ${limit} ran out; ${timedOut.length} ${timedOut.length === 1 ? "case" : "cases"} not finished`
        : `timed out: ${timedOut.map((c) => c.key).join(", ")}`,
    );
  }
  const broken = graded.exercises.filter((e) => e.status === "compile error");
  if (broken.length > 0) {
    if (status === "graded") status = "compile_error";
    notes.push(
      `compile error: ${broken.map((e) => renderCompileProblems(e.compile_errors ?? []).split("\n")[0]).join("; ")}`,
    );
  }
  return {
    ...emptyResult(ctx, collected.id, status, notes.join(" | "), started),
    score: graded.cases.reduce((s, c) => s + c.score, 0),
    input_hash: collected.hash,
    ...sourceField(collected.source),
    exercises: graded.exercises,
    cases: graded.cases,
    duration_ms: Date.now() - started,
    ...(typeWarnings ? { type_warnings: typeWarnings } : {}),
  };
}
