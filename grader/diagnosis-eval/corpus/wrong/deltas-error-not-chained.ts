// Replaces: 05-delta deltas
// TA: the recursion carries back W^[l+1] times the previous back-signal (starting from dε/dŷ) instead of δ^[l+1], so each δ^[l] has its own g′(f^[l]) but none of the later layers' g′ factors; δ^[L] is right.
// Names: none
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const out: Vector[] = new Array(L);
  let error = dEdYhat.slice();
  out[L - 1] = cache.f[L - 1].map((z, j) => layers[L - 1].activation.gPrime(z) * error[j]);
  for (let i = L - 2; i >= 0; i--) {
    const W = layers[i + 1].W;
    const e = error;
    error = W.map((row) => row.reduce((s, w, j) => s + w * e[j], 0));
    out[i] = cache.f[i].map((z, r) => layers[i].activation.gPrime(z) * error[r]);
  }
  return out;
}
