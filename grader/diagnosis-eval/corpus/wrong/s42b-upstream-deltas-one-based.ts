// Replaces: 05-delta deltas
// Seen from: 06-gradients, 07-gradient-descent
// TA: deltas returns L + 1 entries indexed by layer number, result[l] = δ^[l] with an empty placeholder at index 0 for the input layer, instead of aligned with layers (result[i] = δ^[i+1]); gradients and train, which call it, are right.
// Names: upstream-05-delta
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const result: Vector[] = new Array(L + 1);
  result[0] = []; // layer 0 is the input x = a^[0]: it has no δ
  // δ^[L] = g′(f^[L]) ∘ dε/dŷ; layers[l − 1] is layer l
  result[L] = cache.f[L - 1].map((z, j) => layers[L - 1].activation.gPrime(z) * dEdYhat[j]);
  for (let l = L - 1; l >= 1; l--) {
    const Wnext = layers[l].W; // W^[l+1]
    const g = layers[l - 1].activation;
    result[l] = cache.f[l - 1].map((z, r) => {
      let back = 0;
      for (let j = 0; j < result[l + 1].length; j++) back += Wnext[r][j] * result[l + 1][j];
      return g.gPrime(z) * back;
    });
  }
  return result;
}
