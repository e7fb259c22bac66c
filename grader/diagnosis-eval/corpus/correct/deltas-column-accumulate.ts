// Replaces: 05-delta deltas
// TA: correct: accumulates W δ column by column.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const out: Vector[] = [];
  out[L - 1] = dEdYhat.map((e, j) => e * layers[L - 1].activation.gPrime(cache.f[L - 1][j]));
  for (let l = L - 2; l >= 0; l--) {
    const n = cache.f[l].length;
    const acc = new Array<number>(n).fill(0);
    out[l + 1].forEach((dj, j) => {
      for (let r = 0; r < n; r++) acc[r] += layers[l + 1].W[r][j] * dj;
    });
    out[l] = acc.map((v, r) => v * layers[l].activation.gPrime(cache.f[l][r]));
  }
  return out;
}
