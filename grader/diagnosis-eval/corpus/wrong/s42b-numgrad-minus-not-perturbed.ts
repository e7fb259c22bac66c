// Replaces: 08-gradient-check numericalGradient
// TA: copies x for both sides but only ever perturbs the plus copy, so it computes (f(x + h e_i) − f(x)) / (2h): a one-sided difference divided by 2h, about half the gradient.
// Names: relation-scaled
import type { Vector } from "../../../../exercises/types.ts";

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  const grad: Vector = [];
  for (let i = 0; i < x.length; i++) {
    const plus = x.slice();
    const minus = x.slice();
    plus[i] = x[i] + h;
    grad.push((f(plus) - f(minus)) / (2 * h));
  }
  return grad;
}
