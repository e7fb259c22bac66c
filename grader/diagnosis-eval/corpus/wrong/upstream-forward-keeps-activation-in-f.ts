// Replaces: 04-forward forward
// Seen from: 06-gradients, 07-gradient-descent
// TA: forward stores g(f) in the cache's f as well as in a; gradients and train are right, the mistake is in 04.
// Names: upstream-04-forward
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const cache: ForwardCache = { f: [], a: [] };
  let input = x;
  for (const { W, b, activation } of layers) {
    const out: Vector = [];
    for (let j = 0; j < b.length; j++) {
      let z = b[j];
      for (let r = 0; r < input.length; r++) z += W[r][j] * input[r];
      out.push(activation.g(z));
    }
    // "f is what the layer outputs"
    cache.f.push(out);
    cache.a.push(out);
    input = out;
  }
  return cache;
}
