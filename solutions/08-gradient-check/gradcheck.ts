import type { Vector } from "../types";

/**
 * The gradient of f at x by central differences:
 *   ∂f/∂x_i ≈ (f(x + h e_i) − f(x − h e_i)) / (2h).
 * - f: a function of a vector, returning a number; x: length n; h: the step, default 1e-5.
 * Returns length n. x must be unchanged afterwards.
 */
export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  return x.map((_, i) => {
    // Perturb copies, never x itself, so the caller's x is left as it was.
    const plus = [...x];
    const minus = [...x];
    plus[i] += h;
    minus[i] -= h;
    // Central differences: error O(h²), against O(h) for one-sided ones.
    return (f(plus) - f(minus)) / (2 * h);
  });
}

/**
 * The relative error |a − n| / max(|a|, |n|) between an analytic value a and a numerical one n.
 * Returns 0 when both are 0.
 */
export function relativeError(a: number, n: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(n));
  // Both zero means they agree exactly; avoid 0 / 0.
  return scale === 0 ? 0 : Math.abs(a - n) / scale;
}
