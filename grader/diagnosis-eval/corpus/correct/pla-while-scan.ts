// Replaces: 02-perceptron pla
// TA: right: a while loop with a for-loop scan for the first misclassified instance, defaults read with destructuring.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";
import type { PlaOptions, PlaResult } from "../../../../solutions/02-perceptron/perceptron.ts";

export function pla(xs: Vector[], ys: number[], options: PlaOptions = {}): PlaResult {
  const { eta = 1, maxIterations = 100, w0 } = options;
  let w: Vector = w0 === undefined ? (xs.length > 0 ? xs[0].map(() => 0) : []) : w0.slice();
  const history: Vector[] = [];
  while (true) {
    let wrong = -1;
    for (let i = 0; i < xs.length; i++) {
      const s = w.reduce((acc, wk, k) => acc + wk * xs[i][k], 0);
      if ((s > 0 ? 1 : -1) !== ys[i]) {
        wrong = i;
        break;
      }
    }
    if (wrong < 0) return { w, iterations: history.length, converged: true, history };
    if (history.length >= maxIterations) return { w, iterations: history.length, converged: false, history };
    const step = eta * ys[wrong];
    // y − ŷ = 2y on a misclassified instance.
    w = w.map((wk, k) => wk + 2 * step * xs[wrong][k]);
    history.push(w);
  }
}
