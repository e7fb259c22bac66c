import type { ForwardCache, Layer, Vector } from "../types";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const n = layers.length;
  const out: Vector[] = [];
  for (let i = 0; i < n; i++) out.push([]);
  const last = layers[n - 1];
  for (let j = 0; j < cache.f[n - 1].length; j++) {
    out[n - 1][j] = last.activation.gPrime(cache.f[n - 1][j]) * dEdYhat[j];
  }
  for (let l = n - 2; l >= 0; l--) {
    const next = layers[l + 1];
    for (let r = 0; r < cache.f[l].length; r++) {
      let s = 0;
      for (let j = 0; j < out[l + 1].length; j++) s += next.W[r][j] * out[l + 1][j];
      out[l][r] = layers[l].activation.gPrime(cache.f[l][r]) * s;
    }
  }
  return out;
}
