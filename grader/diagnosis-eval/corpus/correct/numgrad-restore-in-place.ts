// Replaces: 08-gradient-check numericalGradient
// TA: right: central differences on one working copy of x, nudging coordinate i up and down and restoring it exactly afterwards; the caller's x is untouched.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  const work = x.slice();
  const grad = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) {
    const original = work[i];
    work[i] = original + h;
    const up = f(work);
    work[i] = original - h;
    const down = f(work);
    work[i] = original;
    grad[i] = (up - down) / (2 * h);
  }
  return grad;
}
