// Replaces: 06-gradients loss
// TA: squares the sum of the differences, ½(Σ_j (ŷ_j − y_j))², instead of summing their squares, ½ Σ_j (ŷ_j − y_j)²; right only with one output.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";

export function loss(yHat: Vector, y: Vector): number {
  const diff = yHat.reduce((s, v, j) => s + (v - y[j]), 0);
  return 0.5 * diff * diff;
}
