// Replaces: 05-delta deltas
// TA: correct: builds the list front-first with unshift.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  let current = cache.f[L - 1].map((z, j) => layers[L - 1].activation.gPrime(z) * dEdYhat[j]);
  const all: Vector[] = [current];
  for (let l = L - 2; l >= 0; l--) {
    const W = layers[l + 1].W;
    const prev = current;
    current = cache.f[l].map((z, r) => {
      let s = 0;
      for (let j = 0; j < prev.length; j++) s += W[r][j] * prev[j];
      return s * layers[l].activation.gPrime(z);
    });
    all.unshift(current);
  }
  return all;
}
