// Replaces: 05-delta deltas
// TA: back-propagates through W^[l] instead of W^[l+1].
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const d: Vector[] = [];
  d[L - 1] = dEdYhat.map((e, j) => e * layers[L - 1].activation.gPrime(cache.f[L - 1][j]));
  for (let l = L - 2; l >= 0; l--) {
    const W = layers[l].W;
    d[l] = cache.f[l].map((z, r) => {
      let s = 0;
      for (let j = 0; j < d[l + 1].length; j++) s += (W[r]?.[j] ?? 0) * d[l + 1][j];
      return s * layers[l].activation.gPrime(z);
    });
  }
  return d;
}
