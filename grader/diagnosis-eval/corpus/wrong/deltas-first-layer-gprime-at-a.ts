// Replaces: 05-delta deltas
// TA: only δ^[1], the first layer's δ, takes g′ at a^[1] (the input layer "uses its activations"); the others are right.
// Names: delta-gprime-of-a
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const d: Vector[] = Array.from({ length: L }, () => []);
  d[L - 1] = dEdYhat.map((e, j) => layers[L - 1].activation.gPrime(cache.f[L - 1][j]) * e);
  for (let l = L - 2; l >= 0; l--) {
    const at = l === 0 ? cache.a[0] : cache.f[l];
    for (let r = 0; r < at.length; r++) {
      let s = 0;
      for (let j = 0; j < d[l + 1].length; j++) s += layers[l + 1].W[r][j] * d[l + 1][j];
      d[l][r] = layers[l].activation.gPrime(at[r]) * s;
    }
  }
  return d;
}
