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
  const L = layers.length;
  const result: Vector[] = new Array(L);
  // Output layer: δ^[L] = g′(f^[L]) ∘ dε/dŷ.
  const gL = layers[L - 1].activation;
  result[L - 1] = cache.f[L - 1].map((fj, j) => gL.gPrime(fj) * dEdYhat[j]);
  // Hidden layers, back to front, each from the δ after it (no recomputation).
  for (let i = L - 2; i >= 0; i--) {
    const Wnext = layers[i + 1].W; // W^[l+1]: n_l × n_{l+1}
    const dNext = result[i + 1]; // δ^[l+1]: n_{l+1}
    const g = layers[i].activation;
    result[i] = cache.f[i].map((fr, r) => {
      // (W^[l+1] δ^[l+1])_r = Σ_j W^[l+1][r][j] δ^[l+1]_j
      let back = 0;
      for (let j = 0; j < dNext.length; j++) back += Wnext[r][j] * dNext[j];
      return g.gPrime(fr) * back;
    });
  }
  return result;
}
