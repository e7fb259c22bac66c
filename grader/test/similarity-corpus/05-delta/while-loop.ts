import type { ForwardCache, Layer, Vector } from "../types";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const reversed: Vector[] = [];
  let incoming = dEdYhat;
  let idx = layers.length - 1;
  while (idx >= 0) {
    const zs = cache.f[idx];
    const gp = layers[idx].activation.gPrime;
    const here: Vector = [];
    let u = 0;
    while (u < zs.length) {
      here.push(gp(zs[u]) * incoming[u]);
      u += 1;
    }
    reversed.push(here);
    if (idx > 0) {
      const W = layers[idx].W;
      incoming = [];
      for (let r = 0; r < W.length; r++) {
        let total = 0;
        for (let c = 0; c < here.length; c++) total += W[r][c] * here[c];
        incoming.push(total);
      }
    }
    idx -= 1;
  }
  return reversed.reverse();
}
