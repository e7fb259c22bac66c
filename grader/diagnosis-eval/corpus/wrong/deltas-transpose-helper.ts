// Replaces: 05-delta deltas
// TA: multiplies by (W^[l+1])ᵀ instead of W^[l+1] in the recursion.
// Names: delta-w-transposed
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

function transposeM(M: Matrix): Matrix {
  return M[0].map((_, c) => M.map((row) => row[c]));
}
export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const out: Vector[] = new Array(L);
  out[L - 1] = cache.f[L - 1].map((z, j) => layers[L - 1].activation.gPrime(z) * dEdYhat[j]);
  for (let i = L - 2; i >= 0; i--) {
    const Wt = transposeM(layers[i + 1].W);
    const back = Wt.map((row) => row.reduce((s, w, k) => s + w * (out[i + 1][k] ?? 0), 0));
    out[i] = back.map((v, r) => v * layers[i].activation.gPrime(cache.f[i][r] ?? 0));
  }
  return out;
}
