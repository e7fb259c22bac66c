// Replaces: 06-gradients lossGradient
// TA: |ŷ − y| loses the sign where ŷ < y.
// Names: relation-abs
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function lossGradient(yHat: Vector, y: Vector): Vector {
  return yHat.map((v, j) => Math.abs(v - y[j]));
}
