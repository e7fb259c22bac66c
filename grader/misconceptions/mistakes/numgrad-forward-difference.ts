import type { Vector } from "../../../exercises/types.ts";

/** (f(x + h e_i) − f(x)) / h: a one-sided difference, whose error is O(h) instead of the central O(h²). */
export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  const fx = f([...x]);
  return x.map((_, i) => {
    const plus = [...x];
    plus[i] += h;
    return (f(plus) - fx) / h;
  });
}
