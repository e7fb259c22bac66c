// Replaces: 05-delta deltas
// TA: multiplies by g′(f^[l]) twice in the hidden layers.
// Names: relation-extra-gprime
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const out: Vector[] = new Array(L);
  const gL = layers[L - 1].activation;
  out[L - 1] = dEdYhat.map((e, j) => gL.gPrime(cache.f[L - 1][j]) * e);
  for (let i = L - 2; i >= 0; i--) {
    const g = layers[i].activation;
    const scaled = out[i + 1];
    out[i] = cache.f[i].map((z, r) => {
      const gp = g.gPrime(z);
      const s = layers[i + 1].W[r].reduce((acc, w, j) => acc + w * scaled[j] * gp, 0);
      return s * gp;
    });
  }
  return out;
}
