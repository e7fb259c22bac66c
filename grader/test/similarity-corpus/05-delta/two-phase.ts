import type { ForwardCache, Layer, Vector } from "../types";

// First every g′(f^[l]), then the δs from the output back, reusing each δ once.
export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const slopes = layers.map((layer, l) => cache.f[l].map(layer.activation.gPrime));
  const L = layers.length;
  const d: Vector[] = Array.from({ length: L }, () => []);
  d[L - 1] = slopes[L - 1].map((s, k) => s * dEdYhat[k]);
  for (let l = L - 2; l >= 0; l--) {
    const W = layers[l + 1].W;
    const below = d[l + 1];
    d[l] = slopes[l].map((s, r) => s * W[r].reduce((sum, w, j) => sum + w * below[j], 0));
  }
  return d;
}
