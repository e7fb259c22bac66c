// Replaces: 05-delta deltas
// TA: right: δ^[l] computed by a recursive helper that asks for δ^[l+1] first, each layer once.
// Names: none
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const memo: Vector[] = [];
  const delta = (i: number): Vector => {
    if (memo[i]) return memo[i];
    const g = layers[i].activation.gPrime;
    let upstream: Vector;
    if (i === L - 1) upstream = dEdYhat;
    else {
      const next = delta(i + 1);
      upstream = layers[i + 1].W.map((row) => row.reduce((s, w, j) => s + w * next[j], 0));
    }
    memo[i] = cache.f[i].map((z, r) => g(z) * upstream[r]);
    return memo[i];
  };
  delta(0);
  return memo;
}
