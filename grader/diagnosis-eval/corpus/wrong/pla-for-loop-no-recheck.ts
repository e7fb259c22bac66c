// Replaces: 02-perceptron pla
// TA: a for loop of maxIterations updates returns converged: false after the last one without classifying the data again, so an update that separates the data on the last allowed iteration is reported as not converged.
// Names: pla-limit-before-convergence
import type { Vector } from "../../../../exercises/types.ts";
import { predict, update, type PlaOptions, type PlaResult } from "../../../../solutions/02-perceptron/perceptron.ts";

export function pla(xs: Vector[], ys: number[], options: PlaOptions = {}): PlaResult {
  const { eta = 1, maxIterations = 100 } = options;
  let w: Vector = options.w0 ? options.w0.slice() : Array(xs[0].length).fill(0);
  const history: Vector[] = [];
  for (let it = 0; it < maxIterations; it++) {
    let wrong = -1;
    for (let i = 0; i < xs.length; i++) {
      if (predict(w, xs[i]) !== ys[i]) {
        wrong = i;
        break;
      }
    }
    if (wrong === -1) return { w, iterations: it, converged: true, history };
    w = update(w, xs[wrong], ys[wrong], predict(w, xs[wrong]), eta);
    history.push(w);
  }
  return { w, iterations: maxIterations, converged: false, history };
}
