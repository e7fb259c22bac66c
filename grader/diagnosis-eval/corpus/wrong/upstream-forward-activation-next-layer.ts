// Replaces: 04-forward forward
// Seen from: 06-gradients, 07-gradient-descent
// TA: forward applies layer l+1's activation in layer l (the last layer its own), an off-by-one in 04; gradients and train only use the cache it returns.
// Names: upstream-04-forward
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const cache: ForwardCache = { f: [], a: [] };
  let aPrev = x;
  layers.forEach((layer, l) => {
    const act = l + 1 < layers.length ? layers[l + 1].activation : layer.activation;
    const fl = layer.b.map((bj, j) => aPrev.reduce((s, v, r) => s + v * layer.W[r][j], bj));
    const al = fl.map(act.g);
    cache.f.push(fl);
    cache.a.push(al);
    aPrev = al;
  });
  return cache;
}
