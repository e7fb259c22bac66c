// Replaces: 06-gradients lossGradient
// Seen from: 07-gradient-descent
// TA: dε/dŷ keeps the ½ of the loss, (ŷ − y) / 2; train only passes it on.
// Names: upstream-06-gradients
import type { Vector } from "../../../../exercises/types.ts";

export function lossGradient(yHat: Vector, y: Vector): Vector {
  // d/dŷ of ½(ŷ − y)²
  return yHat.map((v, j) => 0.5 * (v - y[j]));
}
