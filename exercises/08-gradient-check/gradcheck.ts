import type { Vector } from "../types";

/**
 * The gradient of f at x by central differences:
 *   ∂f/∂x_i ≈ (f(x + h e_i) − f(x − h e_i)) / (2h).
 * - f: a function of a vector, returning a number; x: length n; h: the step, default 1e-5.
 * Returns length n. x must be unchanged afterwards.
 */
export function numericalGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  // TODO
  throw new Error("not implemented: numericalGradient");
}

/**
 * The relative error |a − n| / max(|a|, |n|) between an analytic value a and a numerical one n.
 * Returns 0 when both are 0.
 */
export function relativeError(a: number, n: number): number {
  // TODO
  throw new Error("not implemented: relativeError");
}
