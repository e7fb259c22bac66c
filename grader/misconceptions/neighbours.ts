/**
 * Wrong answers that are no catalogued mistake but can give the same values as
 * one on a case: its neighbours. Where a neighbour's output equals a mistake's
 * on a case, that case cannot tell which of the two the student made, and the
 * mistake is not named there (another case may still tell them apart).
 * Computed from the case's own arguments, on the trusted side.
 */
import type { LoadedCase } from "../fixtures/schema.ts";
import { isVec } from "./numeric.ts";
import { plaRun, type PlaOptionsIn } from "./pla-run.ts";
import { isProgram, oneLineSlips } from "./program.ts";

const NEIGHBOURS: Record<string, (args: unknown[]) => unknown[]> = {
  // |ŷ − y| is y − ŷ wherever ŷ < y.
  lossGradient: ([yHat, y]) => (isVec(yHat) && isVec(y) ? [yHat.map((v, j) => Math.abs(v - y[j]))] : []),
  // |a − n| / max(a, n), the max without its absolute values (guarded where both are 0, as it should be), is ∞ where
  // a = 0 and n < 0, as |a − n| / |a| is: a division by zero shows that a denominator vanished, not which one.
  relativeError: ([a, n]) =>
    typeof a === "number" && typeof n === "number" ? [a === 0 && n === 0 ? 0 : Math.abs(a - n) / Math.max(a, n)] : [],
  // A slip in one line of one backward step (a contribution left out, or taken without out.grad) can give a program
  // exactly what a mistake made in every step gives, where no other node tells them apart (x·x, where grad = keeps
  // one of the two contributions, as leaving one out does).
  autodiff: ([program]) => (isProgram(program) ? oneLineSlips(program) : []),
  // A PLA that classifies by wᵀx > −1 (a dot product that starts at 1) runs as one that takes sgn(0) as +1 wherever
  // no wᵀx falls in [−1, 0), as on the XOR cases, whose wᵀx are even integers.
  pla: (args) => plaClassifying((s) => (s > -1 ? 1 : -1), args),
};

/** The PLA's run with another classification, on a case's arguments; none where they cannot be read. */
function plaClassifying(classify: (s: number) => 1 | -1, [xs, ys, options]: unknown[]): unknown[] {
  if (!Array.isArray(xs) || !xs.every(isVec) || !isVec(ys) || xs.length === 0 || xs.length !== ys.length) return [];
  return [plaRun(xs, ys, (options ?? {}) as PlaOptionsIn, classify)];
}

/** The neighbours' outputs on a case; empty for a function with none. */
export function neighbourOutputs(c: LoadedCase): unknown[] {
  return NEIGHBOURS[c.fn]?.(c.args) ?? [];
}
