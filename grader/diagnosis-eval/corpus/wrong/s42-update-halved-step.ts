// Replaces: 02-perceptron update
// TA: divides y − ŷ by 2 ("so a mistake counts ±1"), so a wrong prediction moves w by ηyx, half the lecture's step η(y − ŷ)x = 2ηyx.
// Names: relation-step-scaled
import type { Vector } from "../../../../exercises/types.ts";

export function update(w: Vector, x: Vector, y: number, yHat: number, eta: number): Vector {
  const err = (y - yHat) / 2; // -1, 0 or +1
  const next: Vector = [];
  for (let k = 0; k < w.length; k++) next.push(w[k] + eta * err * x[k]);
  return next;
}
