// Replaces: 05-delta deltas
// TA: rounds every δ to 6 decimals before returning.
// Names: relation-low-precision
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const raw: Vector[] = new Array(L);
  raw[L - 1] = cache.f[L - 1].map((z, j) => layers[L - 1].activation.gPrime(z) * dEdYhat[j]);
  for (let l = L - 2; l >= 0; l--) {
    raw[l] = cache.f[l].map(
      (z, r) => layers[l].activation.gPrime(z) * layers[l + 1].W[r].reduce((s, w, j) => s + w * raw[l + 1][j], 0),
    );
  }
  return raw.map((d) => d.map((v) => Math.round(v * 1e6) / 1e6));
}
