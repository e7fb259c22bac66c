// Replaces: 05-delta deltas
// TA: returns the δ list back to front: δ^[L] first.
// Names: relation-layer
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const list: Vector[] = [];
  let d = cache.f[L - 1].map((z, j) => layers[L - 1].activation.gPrime(z) * dEdYhat[j]);
  list.push(d);
  for (let i = L - 2; i >= 0; i--) {
    const W = layers[i + 1].W;
    const prev = d;
    d = cache.f[i].map((z, r) => layers[i].activation.gPrime(z) * W[r].reduce((s, w, j) => s + w * prev[j], 0));
    list.push(d);
  }
  return list;
}
