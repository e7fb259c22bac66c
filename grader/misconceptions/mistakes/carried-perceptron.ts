import type { Vector } from "../../../exercises/types.ts";
import {
  sgn as referenceSgn,
  update as referenceUpdate,
  type PlaOptions,
  type PlaResult,
} from "../../../solutions/02-perceptron/perceptron.ts";

/**
 * The reference's predict and pla, built on the sgn and update given: a mistake in one of them, carried into the
 * functions the lecture builds on it (ŷ = sgn(wᵀx); the PLA classifies with it and updates with update). No entry of
 * its own: the entries for sgn and update load it, for the cases of predict and pla.
 */
export function carriedPerceptron(parts: { sgn?: (z: number) => 1 | -1; update?: typeof referenceUpdate }) {
  const sgn = parts.sgn ?? referenceSgn;
  const update = parts.update ?? referenceUpdate;
  const predict = (w: Vector, x: Vector): 1 | -1 => sgn(w.reduce((s, wi, i) => s + wi * x[i], 0));
  const pla = (xs: Vector[], ys: number[], options: PlaOptions = {}): PlaResult => {
    const eta = options.eta ?? 1;
    const maxIterations = options.maxIterations ?? 100;
    let w = options.w0 ? [...options.w0] : new Array<number>(xs[0]?.length ?? 0).fill(0);
    const history: Vector[] = [];
    for (let t = 0; ; t++) {
      const i = xs.findIndex((x, k) => predict(w, x) !== ys[k]);
      if (i === -1) return { w, iterations: t, converged: true, history };
      if (t === maxIterations) return { w, iterations: t, converged: false, history };
      w = update(w, xs[i], ys[i], predict(w, xs[i]), eta);
      history.push(w);
    }
  };
  return { predict, pla };
}
