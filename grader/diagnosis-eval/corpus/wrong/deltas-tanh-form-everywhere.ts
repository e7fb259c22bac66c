// Replaces: 05-delta deltas
// TA: takes g′ as 1 − a² (tanh′ written in a) in every layer: right for tanh layers only.
// Names: relation-tanh-form
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const d: Vector[] = new Array(L);
  const gp = (l: number) => cache.a[l].map((a) => 1 - a * a);
  d[L - 1] = gp(L - 1).map((g, j) => g * dEdYhat[j]);
  for (let l = L - 2; l >= 0; l--) {
    const g = gp(l);
    d[l] = layers[l + 1].W.map((row, r) => g[r] * row.reduce((s, w, j) => s + w * d[l + 1][j], 0));
  }
  return d;
}
