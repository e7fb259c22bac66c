/**
 * Internal. What of an earlier result a run can keep: all of it (the same files, graded under the same cases and
 * code), the exercises none of whose cases changed (a course that fixed one case's tolerance reruns that exercise
 * only), or nothing.
 */
import type { LoadedCase } from "../fixtures/schema.ts";
import type { SubmissionResult } from "../engine/results.ts";
import type { CaseFingerprints } from "./fingerprint.ts";

export type Reuse =
  | { kind: "all" }
  | { kind: "none" }
  /** Rerun these exercises' cases, keep the rest. */
  | { kind: "partial"; rerun: Set<string> };

export function planReuse(
  old: SubmissionResult | undefined,
  inputHash: string,
  fingerprint: string,
  fingerprints: CaseFingerprints | undefined,
  cases: LoadedCase[],
): Reuse {
  // A result the machine failed to produce is never kept: this run tries again.
  if (!old || old.grading_status === "error" || old.input_hash !== inputHash) return { kind: "none" };
  if (old.grader_fingerprint === fingerprint) return { kind: "all" };
  // Only a cleanly graded result is taken apart: a timeout or crash note speaks of the whole run.
  const before = old.fingerprints;
  if (!fingerprints || !before || old.grading_status !== "graded" || before.shared !== fingerprints.shared)
    return { kind: "none" };
  const rerun = new Set<string>();
  const keys = new Set(cases.map((c) => c.key));
  for (const c of cases) if (before.cases[c.key] !== fingerprints.cases[c.key]) rerun.add(c.exercise);
  // A case that is gone changes its exercise's total too.
  for (const old_ of old.cases) if (!keys.has(old_.key)) rerun.add(old_.exercise);
  return { kind: "partial", rerun };
}

/**
 * The earlier result with the rerun exercises' cases and exercise rows taken from `partial`, re-totalled, under the
 * current fingerprints. `partial` was graded on the rerun exercises' cases only.
 */
export function mergePartial(
  old: SubmissionResult,
  partial: SubmissionResult,
  rerun: Set<string>,
  current: { fingerprint: string; fingerprints: CaseFingerprints; cases: LoadedCase[]; maxScore: number },
): SubmissionResult {
  const order = new Map(current.cases.map((c, i) => [c.key, i]));
  const cases = [
    ...old.cases.filter((c) => !rerun.has(c.exercise) && order.has(c.key)),
    ...partial.cases.filter((c) => rerun.has(c.exercise)),
  ].sort((a, b) => order.get(a.key)! - order.get(b.key)!);
  const exercises = old.exercises
    .map((e) => (rerun.has(e.id) ? partial.exercises.find((p) => p.id === e.id) : e))
    .filter((e) => e !== undefined);
  for (const e of partial.exercises) if (!exercises.some((x) => x.id === e.id)) exercises.push(e);
  return {
    ...partial,
    score: cases.reduce((s, c) => s + c.score, 0),
    max_score: current.maxScore,
    visibility: old.visibility,
    exercises,
    cases,
    grader_fingerprint: current.fingerprint,
    fingerprints: current.fingerprints,
  };
}
