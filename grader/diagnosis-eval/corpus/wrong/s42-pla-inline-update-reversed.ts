// Replaces: 02-perceptron pla
// TA: pla does its own update instead of calling update, and it moves w by η(ŷ − y)x, the sign reversed, away from the misclassified instance.
// Names: perceptron-update-sign
import type { Vector } from "../../../../exercises/types.ts";
import { predict, type PlaOptions, type PlaResult } from "../../../../solutions/02-perceptron/perceptron.ts";

export function pla(xs: Vector[], ys: number[], options: PlaOptions = {}): PlaResult {
  const eta = options.eta ?? 1;
  const maxIter = options.maxIterations ?? 100;
  let w: Vector = options.w0 ? [...options.w0] : Array(xs[0].length).fill(0);
  const history: Vector[] = [];
  let iterations = 0;
  while (true) {
    const preds = xs.map((x) => predict(w, x));
    const i = preds.findIndex((p, k) => p !== ys[k]);
    if (i < 0) return { w, iterations, converged: true, history };
    if (iterations >= maxIter) return { w, iterations, converged: false, history };
    const yHat = preds[i];
    w = w.map((wk, k) => wk + eta * (yHat - ys[i]) * xs[i][k]);
    history.push(w);
    iterations++;
  }
}
