// Replaces: 05-delta deltas
// TA: the first layer's δ^[1] is W^[2] δ^[2] without g′(f^[1]) ("the input layer has no activation"); the rest is right.
// Names: delta-missing-gprime
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const d: Vector[] = [];
  d[L - 1] = dEdYhat.map((e, j) => layers[L - 1].activation.gPrime(cache.f[L - 1][j]) * e);
  for (let l = L - 2; l >= 0; l--) {
    const next = layers[l + 1].W;
    const back = next.map((row) => row.reduce((s, w, j) => s + w * d[l + 1][j], 0));
    d[l] = l === 0 ? back : back.map((v, r) => layers[l].activation.gPrime(cache.f[l][r]) * v);
  }
  return d;
}
