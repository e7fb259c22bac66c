/**
 * Wrong answers that are no catalogued mistake but can give the same values as
 * one on a case: its neighbours. Where a neighbour's output equals a mistake's
 * on a case, that case cannot tell which of the two the student made, and the
 * mistake is not named there (another case may still tell them apart).
 * Computed from the case's own arguments, on the trusted side.
 */
import type { LoadedCase } from "../fixtures/schema.ts";
import { isVec } from "./numeric.ts";
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
  // no wᵀx falls in [−1, 0).
  pla: (args) => plaClassifying((s) => (s > -1 ? 1 : -1), args),
};

type Vec = number[];

/**
 * The lecture's PLA with another classification: the same run as a test of wᵀx ≥ 0 wherever no wᵀx falls between its
 * threshold and 0 (the XOR cases' wᵀx are even integers).
 */
function plaClassifying(classify: (s: number) => 1 | -1, [xs, ys, options]: unknown[]): unknown[] {
  const o = (options ?? {}) as { eta?: number; maxIterations?: number; w0?: Vec };
  if (!Array.isArray(xs) || !xs.every(isVec) || !isVec(ys) || xs.length !== ys.length || xs.length === 0) return [];
  const eta = o.eta ?? 1;
  let w: Vec = isVec(o.w0) ? [...o.w0] : xs[0].map(() => 0);
  const history: Vec[] = [];
  const predict = (x: Vec) => classify(w.reduce((s, wi, i) => s + wi * x[i], 0));
  for (;;) {
    const i = xs.findIndex((x, k) => predict(x) !== ys[k]);
    if (i === -1) return [{ w, iterations: history.length, converged: true, history }];
    if (history.length === (o.maxIterations ?? 100))
      return [{ w, iterations: history.length, converged: false, history }];
    const step = eta * (ys[i] - predict(xs[i]));
    w = w.map((wi, j) => wi + step * xs[i][j]);
    history.push(w);
  }
}

/** The neighbours' outputs on a case; empty for a function with none. */
export function neighbourOutputs(c: LoadedCase): unknown[] {
  return NEIGHBOURS[c.fn]?.(c.args) ?? [];
}
