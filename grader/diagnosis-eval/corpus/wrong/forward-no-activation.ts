// Replaces: 04-forward forward
// TA: never applies g: a^[l] is just f^[l].
// Names: relation-f-for-a
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const cache: ForwardCache = { f: [], a: [] };
  let prev = x;
  for (const layer of layers) {
    const out = layer.b.map((bias, j) => prev.reduce((acc, ar, r) => acc + layer.W[r][j] * ar, bias));
    cache.f.push(out);
    cache.a.push(out);
    prev = out;
  }
  return cache;
}
