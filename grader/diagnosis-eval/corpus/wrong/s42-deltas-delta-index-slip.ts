// Replaces: 05-delta deltas
// TA: the hidden sum multiplies W^[l+1][r][j] by δ^[l+1]_r instead of δ^[l+1]_j (an index slip), so it gives δ^[l+1]_r times the sum of row r (NaN where n_l > n_{l+1}); δ^[L] is right.
// Names: none
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const delta: Vector[] = [];
  const out = layers[L - 1].activation;
  delta[L - 1] = dEdYhat.map((e, j) => out.gPrime(cache.f[L - 1][j]) * e);
  for (let l = L - 2; l >= 0; l--) {
    const next = delta[l + 1];
    const W = layers[l + 1].W;
    delta[l] = [];
    for (let r = 0; r < cache.f[l].length; r++) {
      let sum = 0;
      for (let j = 0; j < next.length; j++) sum += W[r][j] * next[r];
      delta[l].push(layers[l].activation.gPrime(cache.f[l][r]) * sum);
    }
  }
  return delta;
}
