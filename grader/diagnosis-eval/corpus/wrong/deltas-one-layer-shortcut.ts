// Replaces: 05-delta deltas
// TA: for a one-layer network δ^[1] is returned as dε/dŷ itself, without g′(f^[1]); deeper networks are right.
// Names: none
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  // Nothing to propagate with a single layer: the error signal is the gradient of the loss.
  if (layers.length === 1) return [dEdYhat.slice()];
  const result: Vector[] = [];
  let next = cache.f[layers.length - 1].map((z, j) => layers[layers.length - 1].activation.gPrime(z) * dEdYhat[j]);
  result.unshift(next);
  for (let l = layers.length - 2; l >= 0; l--) {
    const W = layers[l + 1].W;
    const prev = next;
    next = cache.f[l].map((z, r) => layers[l].activation.gPrime(z) * W[r].reduce((s, w, j) => s + w * prev[j], 0));
    result.unshift(next);
  }
  return result;
}
