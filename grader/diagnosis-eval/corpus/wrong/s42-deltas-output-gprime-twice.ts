// Replaces: 05-delta deltas
// TA: multiplies dε/dŷ by g′(f^[L]) before the loop and again inside it (the loop starts at the output layer), so δ^[L] has the factor g′(f^[L]) twice; each hidden step is right from that δ^[L].
// Names: relation-extra-gprime
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const result: Vector[] = new Array(L);
  // the error signal arriving at the output: dε/dŷ times g′(f^[L])
  let back: Vector = dEdYhat.map((d, j) => d * layers[L - 1].activation.gPrime(cache.f[L - 1][j]));
  for (let i = L - 1; i >= 0; i--) {
    const g = layers[i].activation;
    result[i] = cache.f[i].map((z, r) => g.gPrime(z) * back[r]);
    if (i > 0) {
      const W = layers[i].W;
      back = W.map((row) => row.reduce((s, w, j) => s + w * result[i][j], 0));
    }
  }
  return result;
}
