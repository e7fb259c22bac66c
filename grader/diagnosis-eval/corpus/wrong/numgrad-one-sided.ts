// Replaces: 08-gradient-check numericalGradient
// TA: uses the forward difference (f(x + h) − f(x)) / h.
// Names: numgrad-forward-difference
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  const base = f([...x]);
  const grad: Vector = [];
  for (let i = 0; i < x.length; i++) {
    const xp = x.slice();
    xp[i] = xp[i] + h;
    grad.push((f(xp) - base) / h);
  }
  return grad;
}
