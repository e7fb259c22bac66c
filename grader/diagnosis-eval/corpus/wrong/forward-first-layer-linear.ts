// Replaces: 04-forward forward
// TA: the first layer's activation is never applied (a^[1] = f^[1]); later layers are right from that a^[1].
// Names: relation-f-for-a
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const cache: ForwardCache = { f: [], a: [] };
  let prev = x;
  for (let l = 0; l < layers.length; l++) {
    const { W, b, activation } = layers[l];
    const f = b.map((bj, j) => prev.reduce((s, p, r) => s + W[r][j] * p, bj));
    const a = l === 0 ? f.slice() : f.map((v) => activation.g(v));
    cache.f.push(f);
    cache.a.push(a);
    prev = a;
  }
  return cache;
}
