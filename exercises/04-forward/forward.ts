import type { ForwardCache, Layer, Vector } from "../types";

/**
 * Forward propagation through L layers.
 * - layers: L layers; W^[l] has shape (n_{l-1}, n_l), b^[l] length n_l.
 * - x: a^[0], length n_0.
 * For l = 1 … L:  f^[l] = (W^[l])ᵀ a^[l-1] + b^[l]  and  a^[l] = g^[l](f^[l]).
 * Returns { f, a } aligned with layers: f[i] = f^[i+1], a[i] = a^[i+1], each length n_{i+1}.
 */
export function forward(layers: Layer[], x: Vector): ForwardCache {
  // TODO
  throw new Error("not implemented: forward");
}
