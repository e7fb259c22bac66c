// Replaces: 06-gradients weightGradient
// TA: correct: nested loops.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function weightGradient(aPrev: Vector, delta: Vector): Matrix {
  const M: Matrix = [];
  for (let r = 0; r < aPrev.length; r++) {
    M[r] = [];
    for (let j = 0; j < delta.length; j++) M[r][j] = aPrev[r] * delta[j];
  }
  return M;
}
