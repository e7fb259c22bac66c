// Replaces: 05-delta deltas
// TA: uses a(1 − a) as g′ in every layer, right only for sigmoid layers.
// Names: relation-sigmoid-form
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const res: Vector[] = new Array(L);
  const dsig = (a: number) => a * (1 - a);
  res[L - 1] = cache.a[L - 1].map((a, j) => dsig(a) * dEdYhat[j]);
  for (let i = L - 2; i >= 0; i--) {
    res[i] = cache.a[i].map((a, r) => dsig(a) * layers[i + 1].W[r].reduce((s, w, j) => s + w * res[i + 1][j], 0));
  }
  return res;
}
