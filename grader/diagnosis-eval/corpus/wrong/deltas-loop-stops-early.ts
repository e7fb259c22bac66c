// Replaces: 05-delta deltas
// TA: the loop stops at i > 0, so δ^[1] is never computed and stays zero.
// Names: relation-zeros
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const out: Vector[] = layers.map((l) => l.b.map(() => 0));
  out[L - 1] = cache.f[L - 1].map((z, j) => layers[L - 1].activation.gPrime(z) * dEdYhat[j]);
  for (let i = L - 2; i > 0; i--) {
    out[i] = cache.f[i].map(
      (z, r) => layers[i].activation.gPrime(z) * layers[i + 1].W[r].reduce((s, w, j) => s + w * out[i + 1][j], 0),
    );
  }
  return out;
}
