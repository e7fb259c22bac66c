// Replaces: 02-perceptron pla
// TA: classifies inside pla with its own test wᵀx >= 0 ? 1 : −1 instead of predict, so a point on the boundary wᵀx = 0 counts as predicted +1, where sgn(0) = −1.
// Names: sgn-zero-positive
import type { Vector } from "../../../../exercises/types.ts";
import { update, type PlaOptions, type PlaResult } from "../../../../solutions/02-perceptron/perceptron.ts";

export function pla(xs: Vector[], ys: number[], options: PlaOptions = {}): PlaResult {
  const { eta = 1, maxIterations = 100 } = options;
  let w = options.w0 ? options.w0.slice() : xs[0].map(() => 0);
  const history: Vector[] = [];
  const classify = (x: Vector) => (w.reduce((s, wk, k) => s + wk * x[k], 0) >= 0 ? 1 : -1);
  let iterations = 0;
  while (true) {
    const i = xs.findIndex((x, k) => classify(x) !== ys[k]);
    if (i === -1) return { w, iterations, converged: true, history };
    if (iterations === maxIterations) return { w, iterations, converged: false, history };
    w = update(w, xs[i], ys[i], classify(xs[i]), eta);
    history.push(w);
    iterations++;
  }
}
