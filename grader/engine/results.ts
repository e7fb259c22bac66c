/**
 * The schema of results/<id>/results.json: one entry per case with its name,
 * exercise, status, score, max_score and message. Exported from grader/index.ts.
 */
import * as z from "zod";
import { VisibilitySchema } from "../fixtures/schema.ts";
import { ProblemSchema } from "./problem.ts";

export const CaseStatusSchema = z.enum(["pass", "fail", "error", "timeout"]);

export const DiagnosisSchema = z.object({
  /** The misconception's stable id, e.g. delta-missing-gprime. */
  id: z.string(),
  name: z.string(),
  explanation: z.string(),
  /** Where it holds, in the lecture's notation (["δ^[2]", "δ^[1]"]), when not in every layer; public cases only. */
  layers: z.array(z.string()).optional(),
});

/** Some of an earlier exercise's functions, as a later exercise's case relies on them. */
export const UpstreamSourceSchema = z.object({
  /** e.g. 05-delta. */
  exercise: z.string(),
  /** e.g. ["deltas"]. */
  functions: z.array(z.string()),
});

/**
 * A failure that comes from the student's own earlier functions (see engine/upstream.ts): the case passes with the
 * course's own in their place. The case is still charged.
 */
export const UpstreamSchema = z.object({
  /** The student's earlier functions that, each alone among the course's others, make the case fail; empty when none is known to. */
  from: z.array(UpstreamSourceSchema),
  /** The student's earlier functions the case reached, all replaced by the course's for the run that passed. */
  swapped: z.array(UpstreamSourceSchema),
});

export const CaseResultSchema = z.object({
  /** `${exercise}/${id}`, unique across the course. */
  key: z.string(),
  id: z.string(),
  exercise: z.string(),
  name: z.string(),
  fn: z.string(),
  visibility: VisibilitySchema,
  status: CaseStatusSchema,
  score: z.number().min(0),
  max_score: z.number().positive(),
  /** Why points were lost, rendered; empty when the case passed. */
  message: z.string(),
  problems: z.array(ProblemSchema),
  /** The input in brief; public cases only. */
  input: z.string().optional(),
  /** The stub still throws "not implemented". */
  not_implemented: z.boolean().optional(),
  /** The submission has no file for this case's exercise. */
  not_submitted: z.boolean().optional(),
  /** Layer by layer, where a wrong answer first goes wrong: "δ^[3] ✓ · δ^[2] ✗ (unit 1) · δ^[1] ✗ (follows from δ^[2])". */
  trace: z.string().optional(),
  /** For a wrong value: the file and line of the function that returned it, e.g. exercises/05-delta/delta.ts:12. */
  source: z.string().optional(),
  /** The named mistake this wrong answer matches, when one does. */
  diagnosis: DiagnosisSchema.optional(),
  /** The failure comes from the student's earlier functions, not this exercise's; no mistake is named here then. */
  upstream: UpstreamSchema.optional(),
  /** The student's file lacks the export this case calls (e.g. "deltas"): said once per exercise, not per case. */
  missing_export: z.string().optional(),
  /** The guide's rule ids this case tests. */
  rules: z.array(z.string()).optional(),
});

/** `not submitted`: the submission has no file for the exercise (a student who uploads some files only). */
export const ExerciseStatusSchema = z.enum([
  "complete",
  "in progress",
  "not started",
  "not submitted",
  "compile error",
]);

export const CompileProblemSchema = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  text: z.string(),
});

/** A type error in the student's files: feedback only, it never changes a score. */
export const TypeWarningSchema = z.object({
  /** Path as the student knows it, e.g. exercises/05-delta/delta.ts. */
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  /** TypeScript's error number, e.g. 2322. */
  code: z.number().int(),
  text: z.string(),
});

export const ExerciseResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  bonus: z.boolean(),
  score: z.number().min(0),
  max_score: z.number().min(0),
  status: ExerciseStatusSchema,
  compile_errors: z.array(CompileProblemSchema).optional(),
});

/**
 * `error`: the grader could not grade the submission (its sandbox would not start, or was killed by
 * something the grader did not send, even after retries; or the grader itself failed on it). Its score is
 * null, never 0: the next run grades it again, and exports leave its cell blank. `crashed`: the submission's
 * own code crashed its sandbox (out of memory, an exit) on some calls, which are charged; it has a score.
 */
export const GradingStatusSchema = z.enum(["graded", "compile_error", "timeout", "refused", "crashed", "error"]);

export const SubmissionResultSchema = z.object({
  schema_version: z.literal(1),
  submission: z.string(),
  grading_status: GradingStatusSchema,
  /** null exactly when grading_status is "error": no score, rather than a 0 the student did not earn. */
  score: z.number().min(0).nullable(),
  max_score: z.number().min(0),
  /** The reason behind any status but graded, and anything else to know (an id changed to keep ids unique). */
  note: z.string(),
  /** sha256 of the exercise files taken from the submission; a re-run with the same hash is skipped. */
  input_hash: z.string(),
  /** The folder or zip the files were taken from, so `npm run similarity -- <results folder>` finds them again. */
  source: z.string().optional(),
  /** sha256 of the cases, limits and grading code it was graded under; a fix to any makes older results stale. */
  grader_fingerprint: z.string(),
  /** What each case was graded under (see grader/batch/fingerprint.ts): a regrade reruns only the changed ones. */
  fingerprints: z.object({ shared: z.string(), cases: z.record(z.string(), z.string()) }).optional(),
  visibility: z.array(VisibilitySchema),
  exercises: z.array(ExerciseResultSchema),
  cases: z.array(CaseResultSchema),
  graded_at: z.string(),
  duration_ms: z.number().min(0),
  /** Type errors in the exercise files (TypeScript's own check), as warnings; absent when it could not run. */
  type_warnings: z.array(TypeWarningSchema).optional(),
});

export type CaseResult = z.infer<typeof CaseResultSchema>;
export type ExerciseResult = z.infer<typeof ExerciseResultSchema>;
export type ExerciseStatus = z.infer<typeof ExerciseStatusSchema>;
export type GradingStatus = z.infer<typeof GradingStatusSchema>;
export type SubmissionResult = z.infer<typeof SubmissionResultSchema>;
export type Diagnosis = z.infer<typeof DiagnosisSchema>;
export type Upstream = z.infer<typeof UpstreamSchema>;
export type TypeWarning = z.infer<typeof TypeWarningSchema>;
