// Replaces: 04-forward forward
// Seen from: 06-gradients, 07-gradient-descent
// TA: forward adds b^[l] in the first layer only; the gradients and the training loop that use it are right.
// Names: upstream-04-forward
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  layers.forEach((layer, l) => {
    const prev = l === 0 ? x : a[l - 1];
    const z = layer.b.map((bias, j) => {
      const weighted = prev.reduce((s, v, r) => s + layer.W[r][j] * v, 0);
      return l === 0 ? weighted + bias : weighted;
    });
    f.push(z);
    a.push(z.map(layer.activation.g));
  });
  return { f, a };
}
