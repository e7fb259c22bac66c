// Replaces: 06-gradients loss
// Seen from: 07-gradient-descent
// TA: loss averages the squared errors over the outputs instead of ½ of their sum; train records what loss gives it.
// Names: upstream-06-gradients
import type { Vector } from "../../../../exercises/types.ts";

export function loss(yHat: Vector, y: Vector): number {
  const sq = yHat.map((v, j) => (v - y[j]) * (v - y[j]));
  return sq.reduce((s, v) => s + v, 0) / yHat.length;
}
