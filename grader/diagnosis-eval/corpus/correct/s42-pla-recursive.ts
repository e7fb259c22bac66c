// Replaces: 02-perceptron pla
// TA: right: each iteration is a recursive call on the weights so far and the history, returning at convergence (checked first) or once maxIterations updates are made; w0 is copied.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";
import { predict, update, type PlaOptions, type PlaResult } from "../../../../solutions/02-perceptron/perceptron.ts";

export function pla(xs: Vector[], ys: number[], options: PlaOptions = {}): PlaResult {
  const eta = options.eta ?? 1;
  const limit = options.maxIterations ?? 100;
  const iterate = (w: Vector, history: Vector[]): PlaResult => {
    const i = xs.findIndex((x, k) => predict(w, x) !== ys[k]);
    if (i < 0) return { w, iterations: history.length, converged: true, history };
    if (history.length >= limit) return { w, iterations: history.length, converged: false, history };
    const next = update(w, xs[i], ys[i], predict(w, xs[i]), eta);
    history.push(next);
    return iterate(next, history);
  };
  const start = options.w0 ? options.w0.slice() : new Array<number>(xs[0]?.length ?? 0).fill(0);
  return iterate(start, []);
}
