import type { Vector } from "../types";

function dot(w: Vector, x: Vector): number {
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += w[i] * x[i];
  return sum;
}

/** sgn(z) = +1 if z > 0, otherwise −1 (so sgn(0) = −1). */
export function sgn(z: number): 1 | -1 {
  return z > 0 ? 1 : -1;
}

/**
 * The perceptron's prediction ŷ = sgn(wᵀx).
 * - w, x: length n, where x_0 = 1 is the bias feature.
 */
export function predict(w: Vector, x: Vector): 1 | -1 {
  return sgn(dot(w, x));
}

/**
 * One perceptron update w ← w + η(y − ŷ)x.
 * - w, x: length n; y, ŷ: +1 or −1; η: the learning rate.
 * Returns the new weights, length n. Pure: w and x are left unchanged.
 */
export function update(w: Vector, x: Vector, y: number, yHat: number, eta: number): Vector {
  // y − ŷ is 0 for a correct prediction and ±2 for a wrong one.
  const step = eta * (y - yHat);
  return w.map((wi, i) => wi + step * x[i]);
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
  const eta = options.eta ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  // Step 1: initialise w (zeros unless given); copy so the caller's w0 is untouched.
  let w = options.w0 ? [...options.w0] : new Array<number>(xs[0]?.length ?? 0).fill(0);
  const history: Vector[] = [];
  for (let t = 0; ; t++) {
    // Step 2: classify every instance; find the first misclassified one.
    const i = xs.findIndex((x, k) => predict(w, x) !== ys[k]);
    // Step 4: stop at convergence or at the iteration limit.
    if (i === -1) return { w, iterations: t, converged: true, history };
    if (t === maxIterations) return { w, iterations: t, converged: false, history };
    // Step 3: update on that one instance.
    w = update(w, xs[i], ys[i], predict(w, xs[i]), eta);
    history.push(w);
  }
}
