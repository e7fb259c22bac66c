// Replaces: 05-delta deltas
// TA: sums the rows of W^[l+1] without multiplying by δ^[l+1].
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const out: Vector[] = new Array(L);
  out[L - 1] = cache.f[L - 1].map((z, j) => layers[L - 1].activation.gPrime(z) * dEdYhat[j]);
  for (let i = L - 2; i >= 0; i--) {
    out[i] = cache.f[i].map((z, r) => layers[i].activation.gPrime(z) * layers[i + 1].W[r].reduce((s, w) => s + w, 0));
  }
  return out;
}
