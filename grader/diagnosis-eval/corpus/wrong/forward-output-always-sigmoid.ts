// Replaces: 04-forward forward
// TA: the output layer always applies σ ("the output is a probability"), whatever its activation; hidden layers are right.
// Names: relation-sigmoid-for-g
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const cache: ForwardCache = { f: [], a: [] };
  let input = x;
  layers.forEach((layer, l) => {
    const f = layer.b.map((bj, j) => input.reduce((s, v, r) => s + layer.W[r][j] * v, bj));
    const last = l === layers.length - 1;
    const a = f.map((z) => (last ? 1 / (1 + Math.exp(-z)) : layer.activation.g(z)));
    cache.f.push(f);
    cache.a.push(a);
    input = a;
  });
  return cache;
}
