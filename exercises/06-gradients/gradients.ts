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
  // TODO
  throw new Error("not implemented: weightGradient");
}

/** The error ε = ½‖ŷ − y‖². - yHat, y: length n_L. */
export function loss(yHat: Vector, y: Vector): number {
  // TODO
  throw new Error("not implemented: loss");
}

/** dε/dŷ for ε = ½‖ŷ − y‖². - yHat, y: length n_L. Returns length n_L. */
export function lossGradient(yHat: Vector, y: Vector): Vector {
  // TODO
  throw new Error("not implemented: lossGradient");
}

/**
 * The full gradient of ε = ½‖ŷ − y‖² for one instance (x, y).
 * - layers: L layers; x: length n_0; y: length n_L.
 * Returns dW[i] = dε/dW^[i+1], shape (n_i, n_{i+1}) like W^[i+1], and db[i] = dε/db^[i+1] = δ^[i+1].
 */
export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  // TODO: forward pass, dε/dŷ, the δ recursion, then one weightGradient per layer.
  throw new Error("not implemented: gradients");
}
