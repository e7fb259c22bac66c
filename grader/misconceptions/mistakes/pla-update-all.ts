import type { Vector } from "../../../exercises/types.ts";
import { predict, update, type PlaOptions, type PlaResult } from "../../../solutions/02-perceptron/perceptron.ts";

/**
 * Each iteration sweeps the instances in order and updates on every one the current w misclassifies,
 * instead of only the first: the online perceptron of other textbooks, not the lecture's step 3.
 */
export function pla(xs: Vector[], ys: number[], options: PlaOptions = {}): PlaResult {
  const eta = options.eta ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  let w = options.w0 ? [...options.w0] : new Array<number>(xs[0]?.length ?? 0).fill(0);
  const history: Vector[] = [];
  for (;;) {
    let updated = false;
    for (let i = 0; i < xs.length; i++) {
      if (predict(w, xs[i]) === ys[i]) continue;
      if (history.length === maxIterations) return { w, iterations: history.length, converged: false, history };
      w = update(w, xs[i], ys[i], predict(w, xs[i]), eta);
      history.push(w);
      updated = true;
    }
    if (!updated) return { w, iterations: history.length, converged: true, history };
  }
}
