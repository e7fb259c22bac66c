// Replaces: 04-forward forward
// Seen from: 06-gradients, 07-gradient-descent
// TA: forward applies activation.gPrime instead of activation.g (a^[l] = g′(f^[l]), an autocomplete slip in 04); gradients and train only use the cache it returns.
// Names: upstream-04-forward
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let aPrev = x;
  for (const layer of layers) {
    const fl = layer.b.map((bj, j) => aPrev.reduce((sum, ar, r) => sum + layer.W[r][j] * ar, bj));
    const al = fl.map((v) => layer.activation.gPrime(v));
    f.push(fl);
    a.push(al);
    aPrev = al;
  }
  return { f, a };
}
