// Replaces: 02-perceptron pla
// TA: without w0 it starts from m zeros (one per instance, xs.length) instead of n zeros (one per feature, the length of an instance), so w has the wrong length.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";
import { predict, update, type PlaOptions, type PlaResult } from "../../../../solutions/02-perceptron/perceptron.ts";

export function pla(xs: Vector[], ys: number[], options: PlaOptions = {}): PlaResult {
  const { eta = 1, maxIterations = 100 } = options;
  const m = xs.length;
  let w: Vector = options.w0 ? options.w0.slice() : new Array<number>(m).fill(0);
  const history: Vector[] = [];
  let t = 0;
  while (true) {
    const i = xs.findIndex((x, k) => predict(w, x) !== ys[k]);
    if (i < 0) return { w, iterations: t, converged: true, history };
    if (t >= maxIterations) return { w, iterations: t, converged: false, history };
    w = update(w, xs[i], ys[i], predict(w, xs[i]), eta);
    history.push(w);
    t++;
  }
}
