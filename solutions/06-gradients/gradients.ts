import type { Gradients, Layer, Matrix, Vector } from "../types";
// Your own work from exercises 04 and 05: the full gradient is forward + δ + outer products.
import { forward } from "../04-forward/forward";
import { deltas } from "../05-delta/delta";

/**
 * The weight gradient of one layer, dε/dW^[l] = a^[l-1] (δ^[l])ᵀ.
 * - aPrev: a^[l-1], length n_{l-1}; delta: δ^[l], length n_l.
 * Returns shape (n_{l-1}, n_l): the shape of W^[l].
 */
export function weightGradient(aPrev: Vector, delta: Vector): Matrix {
  // The outer product: entry [r][j] = a_r δ_j, how ε changes with W[r][j].
  return aPrev.map((ar) => delta.map((dj) => ar * dj));
}

/** The error ε = ½‖ŷ − y‖². - yHat, y: length n_L. */
export function loss(yHat: Vector, y: Vector): number {
  let sum = 0;
  for (let j = 0; j < yHat.length; j++) sum += (yHat[j] - y[j]) ** 2;
  return sum / 2;
}

/** dε/dŷ for ε = ½‖ŷ − y‖². - yHat, y: length n_L. Returns length n_L. */
export function lossGradient(yHat: Vector, y: Vector): Vector {
  return yHat.map((yj, j) => yj - y[j]);
}

/**
 * The full gradient of ε = ½‖ŷ − y‖² for one instance (x, y).
 * - layers: L layers; x: length n_0; y: length n_L.
 * Returns dW[i] = dε/dW^[i+1], shape (n_i, n_{i+1}) like W^[i+1], and db[i] = dε/db^[i+1] = δ^[i+1].
 */
export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const yHat = cache.a[layers.length - 1];
  const delta = deltas(layers, cache, lossGradient(yHat, y));
  // a^[l-1] is x for the first layer, then the previous layer's activation.
  const dW = delta.map((d, i) => weightGradient(i === 0 ? x : cache.a[i - 1], d));
  // f^[l] = Wᵀa + b, so df/db is the identity and dε/db^[l] = δ^[l].
  const db = delta.map((d) => [...d]);
  return { dW, db };
}
