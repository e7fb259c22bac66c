// Replaces: 04-forward forward
// Seen from: 06-gradients, 07-gradient-descent
// TA: forward reads the chain f^[l] g^[l] as a composition with g applied first: it applies g^[l] to the layer's input and stores (W^[l])ᵀ g^[l](a^[l−1]) + b^[l] as both f^[l] and a^[l]; gradients and train, which call it, are right.
// Names: upstream-04-forward
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let prev = x;
  for (const { W, b, activation } of layers) {
    const gIn = prev.map((v) => activation.g(v));
    const fl = b.map((bj, j) => gIn.reduce((s, v, r) => s + W[r][j] * v, bj));
    f.push(fl);
    a.push(fl);
    prev = fl;
  }
  return { f, a };
}
