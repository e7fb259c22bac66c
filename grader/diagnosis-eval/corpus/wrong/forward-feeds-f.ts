// Replaces: 04-forward forward
// TA: feeds f^[l-1] (not a^[l-1]) into the next layer.
// Names: relation-f-for-a-prev
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let input = x;
  for (const layer of layers) {
    const z = layer.b.map((bj, j) => input.reduce((s, v, r) => s + layer.W[r][j] * v, bj));
    f.push(z);
    a.push(z.map((v) => layer.activation.g(v)));
    input = z;
  }
  return { f, a };
}
