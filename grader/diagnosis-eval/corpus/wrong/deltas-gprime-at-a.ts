// Replaces: 05-delta deltas
// TA: passes a^[l] to gPrime instead of f^[l].
// Names: delta-gprime-of-a
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const n = layers.length;
  const ds: Vector[] = [];
  let next = dEdYhat.map((g, j) => g * layers[n - 1].activation.gPrime(cache.a[n - 1][j]));
  ds.unshift(next);
  for (let l = n - 2; l >= 0; l--) {
    const W = layers[l + 1].W;
    const cur: Vector = [];
    for (let r = 0; r < W.length; r++) {
      let s = 0;
      for (let j = 0; j < next.length; j++) s += W[r][j] * next[j];
      cur.push(s * layers[l].activation.gPrime(cache.a[l][r]));
    }
    next = cur;
    ds.unshift(next);
  }
  return ds;
}
