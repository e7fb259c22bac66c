// Replaces: 08-gradient-check numericalGradient
// TA: writes (f(x + h e_i) − f(x − h e_i)) / 2 * h, which JavaScript reads as ((…) / 2) · h, so every entry is h² times the central difference instead of it.
// Names: relation-scaled
import type { Vector } from "../../../../exercises/types.ts";

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  const grad: Vector = [];
  for (let i = 0; i < x.length; i++) {
    const xp = x.slice();
    const xm = x.slice();
    xp[i] = xp[i] + h;
    xm[i] = xm[i] - h;
    grad.push(((f(xp) - f(xm)) / 2) * h);
  }
  return grad;
}
