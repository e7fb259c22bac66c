// Replaces: 02-perceptron pla
// TA: updates w in place (w[k] += …) and pushes that same array onto history after each update, so every history entry ends up as the final w; a given w0 is used without a copy and is changed too.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";
import { predict, type PlaOptions, type PlaResult } from "../../../../solutions/02-perceptron/perceptron.ts";

export function pla(xs: Vector[], ys: number[], options: PlaOptions = {}): PlaResult {
  const eta = options.eta ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  const w = options.w0 ?? new Array<number>(xs[0].length).fill(0);
  const history: Vector[] = [];
  for (let t = 0; ; t++) {
    let first = -1;
    for (let i = 0; i < xs.length && first === -1; i++) {
      if (predict(w, xs[i]) !== ys[i]) first = i;
    }
    if (first === -1) return { w, iterations: t, converged: true, history };
    if (t === maxIterations) return { w, iterations: t, converged: false, history };
    const yHat = predict(w, xs[first]);
    for (let k = 0; k < w.length; k++) w[k] += eta * (ys[first] - yHat) * xs[first][k];
    history.push(w);
  }
}
