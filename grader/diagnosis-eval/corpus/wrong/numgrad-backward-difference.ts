// Replaces: 08-gradient-check numericalGradient
// TA: uses the backward difference (f(x) − f(x − h e_i)) / h, one-sided and accurate only to O(h), instead of the central difference.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  const fx = f(x.slice());
  return x.map((xi, i) => {
    const back = x.slice();
    back[i] = xi - h;
    return (fx - f(back)) / h;
  });
}
