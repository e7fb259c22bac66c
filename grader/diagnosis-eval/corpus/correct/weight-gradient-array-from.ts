// Replaces: 06-gradients weightGradient
// TA: correct: built with Array.from, row r column j = a_r δ_j.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function weightGradient(aPrev: Vector, delta: Vector): Matrix {
  return Array.from({ length: aPrev.length }, (_, r) =>
    Array.from({ length: delta.length }, (_, j) => aPrev[r] * delta[j]),
  );
}
