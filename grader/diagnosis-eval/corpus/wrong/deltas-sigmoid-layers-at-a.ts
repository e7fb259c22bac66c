// Replaces: 05-delta deltas
// TA: tanh layers use 1 − a² (right), but the other layers take gPrime(a): g′ at a in the sigmoid layers.
// Names: delta-gprime-of-a
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const res: Vector[] = new Array(L);
  const deriv = (l: number, r: number) => {
    const act = layers[l].activation;
    const a = cache.a[l][r];
    return act.name === "tanh" ? 1 - a * a : act.gPrime(a);
  };
  res[L - 1] = dEdYhat.map((e, j) => deriv(L - 1, j) * e);
  for (let l = L - 2; l >= 0; l--) {
    res[l] = layers[l + 1].W.map((row, r) => deriv(l, r) * row.reduce((s, w, j) => s + w * res[l + 1][j], 0));
  }
  return res;
}
