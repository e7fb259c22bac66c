// Replaces: 05-delta deltas
// TA: hidden layers lack g′(f^[l]); the output layer's δ is right.
// Names: delta-missing-gprime
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const out: Vector[] = [];
  out[L - 1] = dEdYhat.map((d, j) => d * layers[L - 1].activation.gPrime(cache.f[L - 1][j]));
  for (let l = L - 2; l >= 0; l--) {
    const W = layers[l + 1].W;
    out[l] = W.map((row) => row.reduce((s, w, j) => s + w * out[l + 1][j], 0));
  }
  return out;
}
