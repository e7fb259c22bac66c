// Replaces: 08-gradient-check numericalGradient
// TA: minus is the same array as plus (const minus = plus, no copy), so the +h and −h cancel and both evaluations are at x: every entry is 0.
// Names: relation-zeros
import type { Vector } from "../../../../exercises/types.ts";

export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  return x.map((_, i) => {
    const plus = [...x];
    const minus = plus;
    plus[i] += h;
    minus[i] -= h;
    return (f(plus) - f(minus)) / (2 * h);
  });
}
