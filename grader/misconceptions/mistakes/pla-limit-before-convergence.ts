import type { Vector } from "../../../exercises/types.ts";
import { predict, update, type PlaOptions, type PlaResult } from "../../../solutions/02-perceptron/perceptron.ts";

/**
 * Stops at maxIterations before checking for convergence, so weights that separate the data on the
 * last allowed update are reported as not converged.
 */
export function pla(xs: Vector[], ys: number[], options: PlaOptions = {}): PlaResult {
  const eta = options.eta ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  let w = options.w0 ? [...options.w0] : new Array<number>(xs[0]?.length ?? 0).fill(0);
  const history: Vector[] = [];
  for (let t = 0; ; t++) {
    if (t === maxIterations) return { w, iterations: t, converged: false, history };
    const i = xs.findIndex((x, k) => predict(w, x) !== ys[k]);
    if (i === -1) return { w, iterations: t, converged: true, history };
    w = update(w, xs[i], ys[i], predict(w, xs[i]), eta);
    history.push(w);
  }
}
