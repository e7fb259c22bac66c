// Replaces: 06-gradients lossGradient
// Seen from: 07-gradient-descent
// TA: dε/dŷ is written y − ŷ, so every gradient points uphill; 07's train, which follows it, is right.
// Names: upstream-06-gradients
import type { Vector } from "../../../../exercises/types.ts";

export function lossGradient(yHat: Vector, y: Vector): Vector {
  const g: Vector = [];
  for (let j = 0; j < y.length; j++) g.push(y[j] - yHat[j]);
  return g;
}
