// Replaces: 05-delta deltas
// TA: starts from −dε/dŷ (the descent sign put into δ), so every δ has the wrong sign.
// Names: relation-negated
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const d: Vector[] = Array.from({ length: L }, () => []);
  d[L - 1] = dEdYhat.map((v, j) => -v * layers[L - 1].activation.gPrime(cache.f[L - 1][j]));
  for (let l = L - 2; l >= 0; l--) {
    for (let r = 0; r < cache.f[l].length; r++) {
      let s = 0;
      for (let j = 0; j < d[l + 1].length; j++) s += layers[l + 1].W[r][j] * d[l + 1][j];
      d[l][r] = layers[l].activation.gPrime(cache.f[l][r]) * s;
    }
  }
  return d;
}
