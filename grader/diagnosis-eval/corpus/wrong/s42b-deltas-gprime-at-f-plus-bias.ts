// Replaces: 05-delta deltas
// TA: takes cache.f for Wᵀa without the bias and evaluates g′ at f^[l] + b^[l] (the bias added a second time) instead of at f^[l], in every layer.
// Names: none
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  // the unit's input is wᵀa plus its bias
  const input = (i: number) => cache.f[i].map((v, j) => v + layers[i].b[j]);
  const result: Vector[] = new Array(L);
  result[L - 1] = input(L - 1).map((z, j) => layers[L - 1].activation.gPrime(z) * dEdYhat[j]);
  for (let i = L - 2; i >= 0; i--) {
    const Wn = layers[i + 1].W;
    const dn = result[i + 1];
    result[i] = input(i).map((z, r) => {
      let back = 0;
      for (let j = 0; j < dn.length; j++) back += Wn[r][j] * dn[j];
      return layers[i].activation.gPrime(z) * back;
    });
  }
  return result;
}
