// Replaces: 05-delta deltas
// TA: the output δ^[L] takes g′ at ŷ = a^[L] instead of f^[L]; the recursion below is right (from that δ^[L]).
// Names: delta-gprime-of-a
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const out: Vector[] = Array.from({ length: L }, () => []);
  const yHat = cache.a[L - 1];
  out[L - 1] = yHat.map((y, j) => layers[L - 1].activation.gPrime(y) * dEdYhat[j]);
  for (let l = L - 2; l >= 0; l--) {
    for (let r = 0; r < layers[l].b.length; r++) {
      let s = 0;
      for (let j = 0; j < layers[l + 1].b.length; j++) s += layers[l + 1].W[r][j] * out[l + 1][j];
      out[l].push(layers[l].activation.gPrime(cache.f[l][r]) * s);
    }
  }
  return out;
}
