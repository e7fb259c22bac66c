// Replaces: 04-forward forward
// Seen from: 06-gradients, 07-gradient-descent
// TA: hidden layers store a^[l] = f^[l] (the activation is applied to the output layer only); gradients and train only pass it on.
// Names: upstream-04-forward
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let prev = x;
  for (let l = 0; l < layers.length; l++) {
    const { W, b, activation } = layers[l];
    const fl = b.map((bj, j) => bj + prev.reduce((s, p, r) => s + p * W[r][j], 0));
    const al = l === layers.length - 1 ? fl.map((z) => activation.g(z)) : fl.slice();
    f.push(fl);
    a.push(al);
    prev = al;
  }
  return { f, a };
}
