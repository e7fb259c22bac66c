// Replaces: 04-forward forward
// TA: every layer reads x instead of a^[l-1].
// Names: relation-x-for-a-prev
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  for (const layer of layers) {
    const z = layer.b.map((bj, j) => {
      let s = bj;
      for (let r = 0; r < x.length; r++) s += (layer.W[r]?.[j] ?? 0) * x[r];
      return s;
    });
    f.push(z);
    a.push(z.map(layer.activation.g));
  }
  return { f, a };
}
