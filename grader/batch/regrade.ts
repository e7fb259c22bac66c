/**
 * Internal. What a regrade changed, as data: for each student the old and new score, the score a policy gives, and
 * the cases that flipped, each with its cause (the case itself changed, the grader did, or the student's files).
 * Rendered by grader/reports/regrade-report.ts.
 */
import type { SubmissionResult } from "../engine/results.ts";

/**
 * Which score goes to the LMS after a regrade. `new`: the new one. `max`: per case, the better of the old and new
 * points (credit earned under either grading is kept). `never-decrease`: the new total, never below the old one.
 */
export const POLICIES = ["new", "max", "never-decrease"] as const;
export type Policy = (typeof POLICIES)[number];

export interface Flip {
  key: string;
  name: string;
  before: { status: string; score: number } | undefined;
  after: { status: string; score: number } | undefined;
  /** Why it may have flipped: what changed between the two gradings. */
  cause: string;
}

export interface StudentDiff {
  submission: string;
  old: number | null;
  new: number | null;
  /** The score the policy gives (what canvas.csv gets). */
  final: number | null;
  max: number;
  flips: Flip[];
}

export const CAUSE = {
  grader: "the grader's code, limits or settings",
  files: "the student's files",
  unknown: "graded before per-case fingerprints were recorded",
} as const;

/** The case's own change, as a cause: "the case 05-delta/xor changed". */
export const caseCause = (key: string) => `the case ${key} changed`;

function causeOf(key: string, old: SubmissionResult, now: SubmissionResult): string {
  if (old.input_hash !== now.input_hash) return CAUSE.files;
  const before = old.fingerprints;
  const after = now.fingerprints;
  if (!before || !after) return CAUSE.unknown;
  // The case itself is the same: what changed is the shared part (limits, deciding code, settings).
  return before.cases[key] !== after.cases[key] ? caseCause(key) : CAUSE.grader;
}

const scored = (r: SubmissionResult | undefined) =>
  r && r.grading_status !== "refused" && r.grading_status !== "error" ? r.score : null;

export function finalScore(policy: Policy, old: SubmissionResult | undefined, now: SubmissionResult): number | null {
  const after = scored(now);
  const before = scored(old);
  if (after === null || before === null || policy === "new") return after;
  if (policy === "never-decrease") return Math.max(before, after);
  const was = new Map(old!.cases.map((c) => [c.key, c.score]));
  return now.cases.reduce((s, c) => s + Math.max(c.score, was.get(c.key) ?? 0), 0);
}

export function diffStudent(old: SubmissionResult | undefined, now: SubmissionResult, policy: Policy): StudentDiff {
  const flips: Flip[] = [];
  if (old) {
    const before = new Map(old.cases.map((c) => [c.key, c]));
    const keys = new Set([...old.cases.map((c) => c.key), ...now.cases.map((c) => c.key)]);
    const after = new Map(now.cases.map((c) => [c.key, c]));
    for (const key of keys) {
      const b = before.get(key);
      const a = after.get(key);
      if (b && a && b.status === a.status && b.score === a.score) continue;
      flips.push({
        key,
        name: (a ?? b)!.name,
        before: b && { status: b.status, score: b.score },
        after: a && { status: a.status, score: a.score },
        cause: a && b ? causeOf(key, old, now) : a ? "the case is new" : "the case was removed",
      });
    }
  }
  return {
    submission: now.submission,
    old: old ? scored(old) : null,
    new: scored(now),
    final: finalScore(policy, old, now),
    max: now.max_score,
    flips,
  };
}

/** Students by what flipped them: each cause with the students it flipped, most students first. */
export function byCause(students: StudentDiff[]): { cause: string; students: StudentDiff[] }[] {
  const groups = new Map<string, StudentDiff[]>();
  for (const s of students)
    for (const cause of new Set(s.flips.map((f) => f.cause))) groups.set(cause, [...(groups.get(cause) ?? []), s]);
  return [...groups]
    .map(([cause, list]) => ({ cause, students: list }))
    .sort((a, b) => b.students.length - a.students.length || (a.cause < b.cause ? -1 : 1));
}
