import type { Vector } from "../types";

/** sgn(z) = +1 if z > 0, otherwise −1 (so sgn(0) = −1). */
export function sgn(z: number): 1 | -1 {
  // TODO
  throw new Error("not implemented: sgn");
}

/**
 * The perceptron's prediction ŷ = sgn(wᵀx).
 * - w, x: length n, where x_0 = 1 is the bias feature.
 */
export function predict(w: Vector, x: Vector): 1 | -1 {
  // TODO
  throw new Error("not implemented: predict");
}

/**
 * One perceptron update w ← w + η(y − ŷ)x.
 * - w, x: length n; y, ŷ: +1 or −1; η: the learning rate.
 * Returns the new weights, length n. Pure: w and x are left unchanged.
 */
export function update(w: Vector, x: Vector, y: number, yHat: number, eta: number): Vector {
  // TODO
  throw new Error("not implemented: update");
}

export interface PlaOptions {
  /** η, default 1. */
  eta?: number;
  /** Stop after this many updates if still not converged, default 100. */
  maxIterations?: number;
  /** Initial weights, length n, default all zeros. */
  w0?: Vector;
}

export interface PlaResult {
  /** The final weights, length n. */
  w: Vector;
  /** How many updates were made. */
  iterations: number;
  /** True when the final weights classify every instance correctly. */
  converged: boolean;
  /** The weights after each update, in order: history.length === iterations. */
  history: Vector[];
}

/**
 * The Perceptron Learning Algorithm, exactly as the lecture's four steps.
 * - xs: m instances x^(i), each of length n with x_0 = 1.
 * - ys: m labels y^(i), each +1 or −1.
 * Each iteration classifies every instance; if none is misclassified it stops as
 * converged, otherwise it updates on the first (lowest-index) misclassified one.
 * It stops unconverged once maxIterations updates have been made.
 */
export function pla(xs: Vector[], ys: number[], options: PlaOptions = {}): PlaResult {
  // TODO
  throw new Error("not implemented: pla");
}
