// Replaces: 05-delta deltas
// Seen from: 06-gradients, 07-gradient-descent
// TA: deltas averages the back-propagated terms (Σ_j W^[l+1][r][j] δ^[l+1]_j divided by n_{l+1}) instead of summing them; gradients and train, which call it, are right.
// Names: upstream-05-delta
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const res: Vector[] = Array.from({ length: L }, () => []);
  res[L - 1] = cache.f[L - 1].map((z, k) => layers[L - 1].activation.gPrime(z) * dEdYhat[k]);
  for (let l = L - 2; l >= 0; l--) {
    const dn = res[l + 1];
    res[l] = cache.f[l].map((z, r) => {
      const terms = dn.map((d, j) => layers[l + 1].W[r][j] * d);
      const avg = terms.reduce((s, t) => s + t, 0) / terms.length;
      return layers[l].activation.gPrime(z) * avg;
    });
  }
  return res;
}
