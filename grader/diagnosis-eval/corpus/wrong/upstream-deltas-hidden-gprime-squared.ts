// Replaces: 05-delta deltas
// Seen from: 06-gradients, 07-gradient-descent
// TA: deltas multiplies the hidden layers' δ by g′(f^[l]) twice (once on W^[l+1] δ^[l+1], once more on the result); gradients and train, which call it, are right.
// Names: upstream-05-delta
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const ds: Vector[] = [];
  ds[L - 1] = dEdYhat.map((e, j) => layers[L - 1].activation.gPrime(cache.f[L - 1][j]) * e);
  for (let i = L - 2; i >= 0; i--) {
    const g = layers[i].activation.gPrime;
    const back = layers[i + 1].W.map((row) => row.reduce((s, w, j) => s + w * ds[i + 1][j], 0));
    const scaled = back.map((v, r) => g(cache.f[i][r]) * v);
    ds[i] = scaled.map((v, r) => g(cache.f[i][r]) * v);
  }
  return ds;
}
