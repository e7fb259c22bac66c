/**
 * Internal. The class summary's numbers, from the run's compact rows alone
 * (never the results files), so building it costs no memory per case.
 */
import { hasScore, noScoreReason, type Row } from "../batch/gradebook.ts";
import type { Manifest } from "../manifest.ts";

export interface CaseInfo {
  name: string;
  exercise: string;
  visibility: string;
}

export interface ExerciseStats {
  id: string;
  title: string;
  bonus: boolean;
  max: number;
  mean: number;
  median: number;
  /** Submissions with every point of it. */
  complete: number;
}

export interface FailedCase {
  key: string;
  info: CaseInfo | undefined;
  /** Submissions that did not pass it. */
  failed: number;
  /** Of those, submissions that had not started the function. */
  notStarted: number;
}

export interface SummaryData {
  total: number;
  /**
   * Rows with a score: graded, with or without compile errors or a timeout. Every figure of the summary
   * (scores, exercises, cases failed, misconceptions) is over these, and says so.
   */
  graded: Row[];
  /** Submissions refused, with no score. */
  refused: Row[];
  /** Submissions the grader could not grade (status error, or crashed before any case): the next run retries. */
  graderErrors: Row[];
  percents: number[];
  meanPercent: number;
  medianPercent: number;
  full: number;
  statusCounts: [string, number][];
  exercises: ExerciseStats[];
  mostFailed: FailedCase[];
  /** Per misconception, the submissions that showed it (sorted), so a TA can go to them. */
  misconceptions: { id: string; count: number; submissions: string[] }[];
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}

function counted<K>(keys: Iterable<K>, into = new Map<K, number>()): Map<K, number> {
  for (const k of keys) into.set(k, (into.get(k) ?? 0) + 1);
  return into;
}

/** Every number the summary shows. `top` is how many most-failed cases to keep. */
export function summarize(rows: Row[], manifest: Manifest, cases: Map<string, CaseInfo>, top = 10): SummaryData {
  // One denominator for every figure: the graded submissions. Refused and ungraded ones are listed apart.
  const graded = rows.filter(hasScore);
  const percents = graded.map((r) => (r.max_score > 0 ? (100 * r.score!) / r.max_score : 0));
  const exercises = manifest.exercises.map((e) => {
    const scores = graded.map((r) => r.exercises[e.id] ?? 0);
    return {
      id: e.id,
      title: e.title,
      bonus: e.bonus,
      max: e.points,
      mean: mean(scores),
      median: median(scores),
      complete: scores.filter((s) => s >= e.points).length,
    };
  });
  const failed = counted(graded.flatMap((r) => r.failed));
  const notStarted = counted(graded.flatMap((r) => r.not_started ?? []));
  const mostFailed = [...failed]
    .map(([key, n]) => ({ key, info: cases.get(key), failed: n, notStarted: notStarted.get(key) ?? 0 }))
    // Most failed first; among equals, more wrong answers (rather than untried ones) first, then course order.
    .sort((a, b) => b.failed - a.failed || a.notStarted - b.notStarted || a.key.localeCompare(b.key))
    .slice(0, top);
  const misconceptions = [...counted(graded.flatMap((r) => r.diagnoses))]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  return {
    total: rows.length,
    graded,
    refused: rows.filter((r) => noScoreReason(r) === "refused"),
    graderErrors: rows.filter((r) => noScoreReason(r) === "grader"),
    percents,
    meanPercent: mean(percents),
    medianPercent: median(percents),
    full: graded.filter((r) => r.max_score > 0 && r.score! >= r.max_score).length,
    statusCounts: [...counted(rows.map((r) => r.grading_status))].sort((a, b) => b[1] - a[1]),
    exercises,
    mostFailed,
    misconceptions: withSubmissions(misconceptions, rows),
  };
}

/** Each misconception with the submissions that showed it, sorted, so a TA can go to them. */
function withSubmissions(list: { id: string; count: number }[], rows: Row[]): SummaryData["misconceptions"] {
  return list.map((m) => ({
    ...m,
    submissions: rows
      .filter((r) => r.diagnoses.includes(m.id))
      .map((r) => r.submission)
      .sort(),
  }));
}
