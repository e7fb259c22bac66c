import type { Matrix, Vector } from "../../../exercises/types.ts";

/** δ^[l] (a^[l-1])ᵀ: the outer product the wrong way round, n_l × n_{l-1} instead of the shape of W^[l]. */
export function weightGradient(aPrev: Vector, delta: Vector): Matrix {
  return delta.map((dj) => aPrev.map((ar) => ar * dj));
}
