// Replaces: 06-gradients lossGradient
// TA: correct: −(y − ŷ) is ŷ − y.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function lossGradient(yHat: Vector, y: Vector): Vector {
  return y.map((yj, j) => -(yj - yHat[j]));
}
