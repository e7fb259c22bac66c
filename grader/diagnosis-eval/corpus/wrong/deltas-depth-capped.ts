// Replaces: 05-delta deltas
// TA: the recursion runs at most three layers back (a loop bound written for the lecture's 4-layer example), so in deeper networks δ^[1] stays at its initial zeros.
// Names: relation-zeros
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const out = layers.map((layer) => layer.b.map(() => 0));
  out[L - 1] = cache.f[L - 1].map((z, j) => layers[L - 1].activation.gPrime(z) * dEdYhat[j]);
  for (let l = L - 2; l >= Math.max(0, L - 4); l--) {
    out[l] = cache.f[l].map((z, r) => {
      const back = layers[l + 1].W[r].reduce((s, w, j) => s + w * out[l + 1][j], 0);
      return layers[l].activation.gPrime(z) * back;
    });
  }
  return out;
}
