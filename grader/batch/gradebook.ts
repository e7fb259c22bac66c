/**
 * results/gradebook.csv: one row per submission with its grading status,
 * score, a column per exercise and the note. A submission with no score
 * (refused, or not graded by the grader) has blank score cells, not 0.
 */
import { stringify } from "csv-stringify/sync";
import type { Manifest } from "../manifest.ts";
import type { SubmissionResult } from "../engine/results.ts";
import { stripControls } from "../sanitize.ts";

/** What the run keeps of each submission after its files are written: small, so memory stays flat. */
export interface Row {
  submission: string;
  grading_status: SubmissionResult["grading_status"];
  /** null when the grader could not grade the submission (status `error`). */
  score: number | null;
  max_score: number;
  note: string;
  exercises: Record<string, number>;
  /** Keys of the cases that did not pass. */
  failed: string[];
  /** Those of `failed` whose function still throws "not implemented": not tried rather than wrong. */
  not_started: string[];
  /** Misconception ids named in this submission. */
  diagnoses: string[];
  duration_ms: number;
}

export function toRow(result: SubmissionResult): Row {
  return {
    submission: result.submission,
    grading_status: result.grading_status,
    score: result.score,
    max_score: result.max_score,
    note: result.note,
    exercises: Object.fromEntries(result.exercises.map((e) => [e.id, e.score])),
    failed: result.cases.filter((c) => c.status !== "pass").map((c) => c.key),
    not_started: result.cases.filter((c) => c.not_implemented).map((c) => c.key),
    // Two mistakes named at once ("a+b") count for each.
    diagnoses: [...new Set(result.cases.flatMap((c) => (c.diagnosis ? c.diagnosis.id.split("+") : [])))],
    duration_ms: result.duration_ms,
  };
}

/**
 * A text cell, cleaned of control characters, that a spreadsheet would read as a formula (=, +, -, @, tab, CR)
 * gets a leading quote mark.
 */
export function formulaGuard(value: string | number): string | number {
  if (typeof value !== "string") return value;
  const clean = stripControls(value);
  return /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
}

/** RFC 4180 CSV, written by csv-stringify, with "\n" line ends and every text cell formula-guarded. */
export function csv(rows: (string | number)[][]): string {
  return stringify(
    rows.map((r) => r.map(formulaGuard)),
    { record_delimiter: "\n", quoted_match: /\r/ },
  );
}

/**
 * Whether a row has a score to export and to count: graded, even in part. A refused submission has none, nor
 * one the grader could not grade (status `error`, or crashed before any case): their cells stay blank.
 */
export function hasScore(row: Row): boolean {
  return row.score !== null && row.grading_status !== "refused" && Object.keys(row.exercises).length > 0;
}

/** Why a row has no score: the submission was refused, or the grader failed on it (run grade again). */
export function noScoreReason(row: Row): "refused" | "grader" | undefined {
  if (hasScore(row)) return undefined;
  return row.grading_status === "refused" ? "refused" : "grader";
}

export function gradebookCsv(manifest: Manifest, rows: Row[]): string {
  const ids = manifest.exercises.map((e) => e.id);
  const header = ["submission", "grading_status", "score", "max_score", ...ids, "note"];
  const body = [...rows]
    .sort((a, b) => a.submission.localeCompare(b.submission))
    .map((r) => [
      r.submission,
      r.grading_status,
      // No score (refused, or not graded by the grader): blank cells, as in canvas.csv, never a 0 not earned.
      hasScore(r) ? (r.score ?? "") : "",
      r.max_score,
      ...ids.map((id) => (hasScore(r) ? (r.exercises[id] ?? 0) : "")),
      r.note,
    ]);
  return csv([header, ...body]);
}
