// Replaces: 05-delta deltas
// Seen from: 06-gradients, 07-gradient-descent
// TA: δ^[L] is taken as dε/dŷ without the g′(f^[L]) factor; gradients and train only pass it on.
// Names: upstream-05-delta
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const out: Vector[] = [];
  let back = [...dEdYhat];
  out.unshift(back);
  for (let l = layers.length - 2; l >= 0; l--) {
    const Wn = layers[l + 1].W;
    const gp = layers[l].activation.gPrime;
    back = cache.f[l].map((z, r) => gp(z) * Wn[r].reduce((s, w, j) => s + w * back[j], 0));
    out.unshift(back);
  }
  return out;
}
