// Replaces: 06-gradients lossGradient
// TA: divides by n as if ε were a mean: (ŷ − y)/n.
// Names: relation-scaled
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function lossGradient(yHat: Vector, y: Vector): Vector {
  const n = yHat.length;
  return yHat.map((p, j) => (p - y[j]) / n);
}
