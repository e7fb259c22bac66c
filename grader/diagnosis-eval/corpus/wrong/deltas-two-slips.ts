// Replaces: 05-delta deltas
// TA: two slips: g′ taken at a^[l], and (W^[l+1])ᵀ in the recursion.
// Names: delta-gprime-of-a, delta-w-transposed
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const D: Vector[] = new Array(L);
  D[L - 1] = cache.a[L - 1].map((a, j) => layers[L - 1].activation.gPrime(a) * dEdYhat[j]);
  for (let i = L - 2; i >= 0; i--) {
    const W = layers[i + 1].W;
    D[i] = cache.a[i].map((a, r) => {
      let s = 0;
      for (let j = 0; j < D[i + 1].length; j++) s += (W[j]?.[r] ?? 0) * D[i + 1][j];
      return layers[i].activation.gPrime(a) * s;
    });
  }
  return D;
}
