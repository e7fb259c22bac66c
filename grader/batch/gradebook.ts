/**
 * results/gradebook.csv: one row per submission with its grading status,
 * score, a column per exercise and the note.
 */
import type { Manifest } from "../manifest.ts";
import type { SubmissionResult } from "../engine/results.ts";

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

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(value: string | number): string {
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csv(rows: (string | number)[][]): string {
  return rows.map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
}

export function gradebookCsv(manifest: Manifest, rows: Row[]): string {
  const ids = manifest.exercises.map((e) => e.id);
  const header = ["submission", "grading_status", "score", "max_score", ...ids, "note"];
  const body = [...rows]
    .sort((a, b) => a.submission.localeCompare(b.submission))
    .map((r) => [
      r.submission,
      r.grading_status,
      r.score ?? "",
      r.max_score,
      ...ids.map((id) => r.exercises[id] ?? 0),
      r.note,
    ]);
  return csv([header, ...body]);
}
