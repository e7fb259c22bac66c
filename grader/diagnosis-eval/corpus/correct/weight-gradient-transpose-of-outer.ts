// Replaces: 06-gradients weightGradient
// TA: right: δ aᵀ computed first, then transposed, which gives a (δ)ᵀ with the shape of W.
// Names: none
import type { Matrix, Vector } from "../../../../exercises/types.ts";

export function weightGradient(aPrev: Vector, delta: Vector): Matrix {
  const deltaATransposed = delta.map((d) => aPrev.map((a) => d * a));
  return aPrev.map((_, r) => deltaATransposed.map((row) => row[r]));
}
