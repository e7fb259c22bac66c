import type { ForwardCache, Layer, Vector } from "../../../exercises/types.ts";

/**
 * δ^[l] = g′(f^[l]) ∘ ((W^[l+1])ᵀ δ^[l+1]): entry r reads column r of W^[l+1] instead of row r.
 * Only square W^[l+1] lets it run; otherwise the indices fall off the matrix.
 */
export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const result: Vector[] = new Array(L);
  const gL = layers[L - 1].activation;
  result[L - 1] = cache.f[L - 1].map((fj, j) => gL.gPrime(fj) * dEdYhat[j]);
  for (let i = L - 2; i >= 0; i--) {
    const Wnext = layers[i + 1].W;
    const dNext = result[i + 1];
    const g = layers[i].activation;
    result[i] = cache.f[i].map((fr, r) => {
      let back = 0;
      for (let j = 0; j < dNext.length; j++) back += Wnext[j][r] * dNext[j];
      return g.gPrime(fr) * back;
    });
  }
  return result;
}
