// Replaces: 02-perceptron pla
// TA: pushes w onto history just before each update instead of after it, so history starts with the initial weights and lacks the final ones (every entry is one update behind).
// Names: none
import type { Vector } from "../../../../exercises/types.ts";
import { predict, update, type PlaOptions, type PlaResult } from "../../../../solutions/02-perceptron/perceptron.ts";

export function pla(xs: Vector[], ys: number[], options: PlaOptions = {}): PlaResult {
  const eta = options.eta ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  let w = options.w0 ? [...options.w0] : xs[0].map(() => 0);
  const history: Vector[] = [];
  let iterations = 0;
  for (;;) {
    const i = xs.findIndex((x, k) => predict(w, x) !== ys[k]);
    if (i === -1) return { w, iterations, converged: true, history };
    if (iterations === maxIterations) return { w, iterations, converged: false, history };
    // remember the weights of this iteration, then update them
    history.push(w);
    w = update(w, xs[i], ys[i], predict(w, xs[i]), eta);
    iterations++;
  }
}
