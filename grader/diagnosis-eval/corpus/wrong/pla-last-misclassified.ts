// Replaces: 02-perceptron pla
// TA: updates on one misclassified instance per iteration, as it should, but on the last (highest-index) one of the pass instead of the first.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";
import { predict, update, type PlaOptions, type PlaResult } from "../../../../solutions/02-perceptron/perceptron.ts";

export function pla(xs: Vector[], ys: number[], options: PlaOptions = {}): PlaResult {
  const eta = options.eta ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  let w = options.w0 ? options.w0.slice() : xs[0].map(() => 0);
  const history: Vector[] = [];
  while (true) {
    let wrong = -1;
    for (let i = 0; i < xs.length; i++) {
      if (predict(w, xs[i]) !== ys[i]) wrong = i;
    }
    if (wrong === -1) return { w, iterations: history.length, converged: true, history };
    if (history.length >= maxIterations) return { w, iterations: history.length, converged: false, history };
    w = update(w, xs[wrong], ys[wrong], predict(w, xs[wrong]), eta);
    history.push(w);
  }
}
