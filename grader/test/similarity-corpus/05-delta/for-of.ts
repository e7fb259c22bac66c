import type { ForwardCache, Layer, Vector } from "../types";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const order = [...layers.keys()].reverse();
  const found = new Map<number, Vector>();
  for (const l of order) {
    const gPrime = layers[l].activation.gPrime;
    const later = found.get(l + 1);
    const signal: Vector = [];
    for (const [r, z] of cache.f[l].entries()) {
      let upstream = 0;
      if (later === undefined) {
        upstream = dEdYhat[r];
      } else {
        for (const [j, dj] of later.entries()) upstream += layers[l + 1].W[r][j] * dj;
      }
      signal.push(gPrime(z) * upstream);
    }
    found.set(l, signal);
  }
  return layers.map((_, l) => found.get(l)!);
}
