// Replaces: 04-forward forward
// Seen from: 06-gradients, 07-gradient-descent
// TA: forward leaves the output layer linear (a^[L] = f^[L]) whatever its activation; the mistake is in 04, not in 06 or 07.
// Names: upstream-04-forward
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let h = x;
  for (let l = 0; l < layers.length; l++) {
    const { W, b, activation } = layers[l];
    const z = b.map((bj, j) => h.reduce((acc, hr, r) => acc + W[r][j] * hr, bj));
    const last = l === layers.length - 1;
    h = last ? z.slice() : z.map((v) => activation.g(v));
    f.push(z);
    a.push(h);
  }
  return { f, a };
}
