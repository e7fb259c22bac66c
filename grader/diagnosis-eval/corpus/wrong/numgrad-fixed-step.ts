// Replaces: 08-gradient-check numericalGradient
// TA: ignores the h it is given and always steps by 1e-3.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  const step = 1e-3;
  return x.map((_, i) => {
    const a = [...x];
    const b = [...x];
    a[i] += step;
    b[i] -= step;
    return (f(a) - f(b)) / (2 * step);
  });
}
