// Replaces: 04-forward forward
// TA: pushes f^[l] into the cache's a (a copy-paste slip) although it feeds g(f^[l]) on to the next layer, so every stored a^[l] is f^[l]; f is right.
// Names: relation-f-for-a
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const cache: ForwardCache = { f: [], a: [] };
  let input = x;
  layers.forEach((layer) => {
    const z: Vector = [];
    for (let j = 0; j < layer.b.length; j++) {
      let s = layer.b[j];
      for (let r = 0; r < input.length; r++) s += layer.W[r][j] * input[r];
      z.push(s);
    }
    const act = z.map((v) => layer.activation.g(v));
    cache.f.push(z);
    cache.a.push(z);
    input = act;
  });
  return cache;
}
