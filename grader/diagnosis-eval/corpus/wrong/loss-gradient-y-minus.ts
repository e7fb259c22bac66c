// Replaces: 06-gradients lossGradient
// TA: dε/dŷ with the sign flipped: y − ŷ.
// Names: loss-gradient-sign, relation-negated
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function lossGradient(yHat: Vector, y: Vector): Vector {
  const g: Vector = [];
  for (let j = 0; j < y.length; j++) g.push(y[j] - yHat[j]);
  return g;
}
