import type { ForwardCache, Layer, Vector } from "../types";

/**
 * The δ recursion of backpropagation, computed back to front.
 * - layers: L layers; W^[l] has shape (n_{l-1}, n_l).
 * - cache: the forward pass, f[i] = f^[i+1] and a[i] = a^[i+1].
 * - dEdYhat: dε/dŷ, length n_L.
 * δ^[L] = g′(f^[L]) ∘ dε/dŷ, then for l = L-1 … 1:  δ^[l] = g′(f^[l]) ∘ (W^[l+1] δ^[l+1]).
 * Each δ^[l] is computed once, from δ^[l+1]: call each layer's gPrime once per unit.
 * Returns deltas aligned with layers: result[i] = δ^[i+1], length n_{i+1}.
 */
export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  // TODO
  throw new Error("not implemented: deltas");
}
