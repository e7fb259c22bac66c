// Replaces: 05-delta deltas
// Seen from: 06-gradients, 07-gradient-descent
// TA: the hidden recursion reads W^[l+1] as W[j][r] (Wᵀ δ instead of W δ); gradients and train are right.
// Names: upstream-05-delta
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const result: Vector[] = new Array(L);
  result[L - 1] = dEdYhat.map((e, j) => e * layers[L - 1].activation.gPrime(cache.f[L - 1][j]));
  for (let i = L - 2; i >= 0; i--) {
    const W = layers[i + 1].W;
    result[i] = cache.f[i].map((z, r) => {
      let sum = 0;
      result[i + 1].forEach((dj, j) => {
        sum += (W[j]?.[r] ?? 0) * dj;
      });
      return layers[i].activation.gPrime(z) * sum;
    });
  }
  return result;
}
