// Replaces: 05-delta deltas
// Seen from: 06-gradients, 07-gradient-descent
// TA: every δ^[l] takes the output layer's g′ instead of its own layer's; gradients and train only pass it on.
// Names: upstream-05-delta
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const gPrime = layers[L - 1].activation.gPrime;
  const out: Vector[] = new Array(L);
  out[L - 1] = cache.f[L - 1].map((z, j) => gPrime(z) * dEdYhat[j]);
  for (let l = L - 2; l >= 0; l--) {
    out[l] = cache.f[l].map((z, r) => {
      let s = 0;
      layers[l + 1].W[r].forEach((w, j) => (s += w * out[l + 1][j]));
      return gPrime(z) * s;
    });
  }
  return out;
}
