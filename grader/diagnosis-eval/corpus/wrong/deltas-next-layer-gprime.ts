// Replaces: 05-delta deltas
// TA: uses g′ of layer l+1's f instead of layer l's.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const out: Vector[] = new Array(L);
  out[L - 1] = dEdYhat.map((e, j) => layers[L - 1].activation.gPrime(cache.f[L - 1][j]) * e);
  for (let i = L - 2; i >= 0; i--) {
    const g = layers[i + 1].activation;
    out[i] = layers[i + 1].W.map((row, r) => {
      const s = row.reduce((acc, w, j) => acc + w * out[i + 1][j], 0);
      return g.gPrime(cache.f[i + 1][r] ?? cache.f[i + 1][0]) * s;
    });
  }
  return out;
}
