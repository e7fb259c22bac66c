// Replaces: 05-delta deltas
// Seen from: 06-gradients, 07-gradient-descent
// TA: deltas returns the δs in the order it computed them, δ^[L] first; gradients pairs them with the wrong layers through no fault of its own.
// Names: upstream-05-delta
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const computed: Vector[] = [];
  let delta = cache.f[L - 1].map((z, j) => layers[L - 1].activation.gPrime(z) * dEdYhat[j]);
  computed.push(delta);
  for (let l = L - 2; l >= 0; l--) {
    const W = layers[l + 1].W;
    const prev = delta;
    delta = cache.f[l].map((z, r) => layers[l].activation.gPrime(z) * prev.reduce((s, dj, j) => s + W[r][j] * dj, 0));
    computed.push(delta);
  }
  return computed;
}
