// Replaces: 06-gradients weightGradient
// TA: multiplies entry by entry (as if a ∘ δ) and pads with zeros.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function weightGradient(aPrev: Vector, delta: Vector): Matrix {
  return aPrev.map((a, r) => delta.map((d, j) => (r === j ? a * d : 0)));
}
