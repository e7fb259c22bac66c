// Replaces: 02-perceptron update
// TA: right: y − ŷ is 0 or 2y for labels ±1, so it copies w when ŷ = y and adds 2ηy x otherwise; w is never written.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";

export function update(w: Vector, x: Vector, y: number, yHat: number, eta: number): Vector {
  if (y === yHat) return [...w];
  const next: Vector = [];
  for (let i = 0; i < w.length; i++) next.push(w[i] + 2 * eta * y * x[i]);
  return next;
}
