// Replaces: 06-gradients lossGradient
// TA: the mean-squared-error derivative 2(ŷ − y)/n, a constant multiple (2/n) of ŷ − y.
// Names: relation-scaled
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function lossGradient(yHat: Vector, y: Vector): Vector {
  const n = yHat.length;
  return yHat.map((v, j) => (2 * (v - y[j])) / n);
}
