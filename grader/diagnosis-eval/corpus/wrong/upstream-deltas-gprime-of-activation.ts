// Replaces: 05-delta deltas
// Seen from: 06-gradients, 07-gradient-descent
// TA: deltas evaluates g′ at a^[l] instead of f^[l]; 06's gradients, which calls it, is right.
// Names: upstream-05-delta
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const d: Vector[] = Array.from({ length: L }, () => []);
  for (let l = L - 1; l >= 0; l--) {
    const act = layers[l].activation;
    for (let r = 0; r < cache.a[l].length; r++) {
      let incoming = 0;
      if (l === L - 1) incoming = dEdYhat[r];
      else for (let j = 0; j < d[l + 1].length; j++) incoming += layers[l + 1].W[r][j] * d[l + 1][j];
      d[l][r] = act.gPrime(cache.a[l][r]) * incoming;
    }
  }
  return d;
}
