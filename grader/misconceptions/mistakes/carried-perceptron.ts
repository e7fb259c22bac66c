import { sgn as referenceSgn, update as referenceUpdate } from "../../../solutions/02-perceptron/perceptron.ts";
import { plaRun, type PlaOptionsIn } from "../pla-run.ts";
import type { Vector } from "../../../exercises/types.ts";

/**
 * The lecture's PLA on the sgn and update given: a mistake in one of them, carried into the PLA that classifies with
 * ŷ = sgn(wᵀx) and updates with update. No entry of its own: the entries for sgn and update load it, for pla's cases.
 */
export function carriedPerceptron(parts: { sgn?: (z: number) => 1 | -1; update?: typeof referenceUpdate }) {
  const sgn = parts.sgn ?? referenceSgn;
  const update = parts.update ?? referenceUpdate;
  return { pla: (xs: Vector[], ys: number[], options: PlaOptionsIn = {}) => plaRun(xs, ys, options, sgn, update) };
}
