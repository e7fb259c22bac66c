// Replaces: 06-gradients weightGradient
// TA: adds a_r + δ_j instead of multiplying them.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function weightGradient(aPrev: Vector, delta: Vector): Matrix {
  return aPrev.map((ar) => delta.map((dj) => ar + dj));
}
