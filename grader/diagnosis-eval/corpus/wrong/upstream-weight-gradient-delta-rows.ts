// Replaces: 06-gradients weightGradient
// Seen from: 07-gradient-descent
// TA: the weight gradient is δ aᵀ, shaped (n_l, n_{l−1}) instead of like W^[l]; 07's sgdStep and train are right.
// Names: upstream-06-gradients
import type { Matrix, Vector } from "../../../../exercises/types.ts";

export function weightGradient(aPrev: Vector, delta: Vector): Matrix {
  const g: Matrix = [];
  for (const d of delta) g.push(aPrev.map((v) => d * v));
  return g;
}
