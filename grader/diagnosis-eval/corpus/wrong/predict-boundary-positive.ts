// Replaces: 02-perceptron predict
// TA: predict compares wᵀx >= 0 itself instead of calling sgn, so a point on the boundary wᵀx = 0 is predicted +1 (sgn(0) = −1).
// Names: sgn-zero-positive
import type { Vector } from "../../../../exercises/types.ts";

export function predict(w: Vector, x: Vector): 1 | -1 {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i] * x[i];
  return s >= 0 ? 1 : -1;
}
