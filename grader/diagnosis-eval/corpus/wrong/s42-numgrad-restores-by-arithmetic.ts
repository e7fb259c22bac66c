// Replaces: 08-gradient-check numericalGradient
// TA: perturbs x itself (x[i] += h, then x[i] -= 2 * h) and restores it by adding h back, which leaves rounding error in x[i]: x is changed afterwards and later entries are differenced at a slightly shifted point.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  const g: Vector = new Array(x.length);
  for (let i = 0; i < x.length; i++) {
    x[i] += h;
    const up = f(x);
    x[i] -= 2 * h;
    const down = f(x);
    x[i] += h; // back to where it was
    g[i] = (up - down) / (2 * h);
  }
  return g;
}
