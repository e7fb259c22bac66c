// Replaces: 06-gradients weightGradient
// TA: returns δ aᵀ, shaped n_l × n_{l-1}, the transpose of dW.
// Names: grad-transposed
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function weightGradient(aPrev: Vector, delta: Vector): Matrix {
  const out: Matrix = [];
  for (let j = 0; j < delta.length; j++) {
    const row: Vector = [];
    for (let r = 0; r < aPrev.length; r++) row.push(delta[j] * aPrev[r]);
    out.push(row);
  }
  return out;
}
