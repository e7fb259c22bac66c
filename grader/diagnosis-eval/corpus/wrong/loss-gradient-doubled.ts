// Replaces: 06-gradients lossGradient
// TA: differentiates (ŷ − y)² instead of ½(ŷ − y)²: 2(ŷ − y).
// Names: relation-scaled
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function lossGradient(yHat: Vector, y: Vector): Vector {
  return yHat.map((p, j) => 2 * (p - y[j]));
}
