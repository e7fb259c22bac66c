// Replaces: 02-perceptron predict
// TA: right: wᵀx summed with reduce, then +1 only when it is strictly positive (−1 on the boundary).
// Names: none
import type { Vector } from "../../../../exercises/types.ts";

export function predict(w: Vector, x: Vector): 1 | -1 {
  const activation = w.reduce((s, wi, i) => s + wi * x[i], 0);
  if (activation > 0) return 1;
  return -1;
}
