// Replaces: 02-perceptron pla
// TA: makes one pass over the data, updating on every misclassified instance it meets, and stops after that single pass (converged only if the pass ends separated).
// Names: pla-update-all
import type { Vector } from "../../../../exercises/types.ts";
import { predict, update, type PlaOptions, type PlaResult } from "../../../../solutions/02-perceptron/perceptron.ts";

export function pla(xs: Vector[], ys: number[], options: PlaOptions = {}): PlaResult {
  const eta = options.eta ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  let w = options.w0 ? [...options.w0] : xs[0].map(() => 0);
  const history: Vector[] = [];
  for (let i = 0; i < xs.length && history.length < maxIterations; i++) {
    const yHat = predict(w, xs[i]);
    if (yHat !== ys[i]) {
      w = update(w, xs[i], ys[i], yHat, eta);
      history.push(w);
    }
  }
  const converged = xs.every((x, i) => predict(w, x) === ys[i]);
  return { w, iterations: history.length, converged, history };
}
