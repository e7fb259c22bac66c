// Replaces: 08-gradient-check numericalGradient
// TA: perturbs x itself (x[i] += h, then x[i] -= 2h) and never puts x[i] back, so x is left changed and every later coordinate is differenced at a shifted point.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  const grad: Vector = [];
  for (let i = 0; i < x.length; i++) {
    x[i] += h;
    const fPlus = f(x);
    x[i] -= 2 * h;
    const fMinus = f(x);
    grad.push((fPlus - fMinus) / (2 * h));
  }
  return grad;
}
