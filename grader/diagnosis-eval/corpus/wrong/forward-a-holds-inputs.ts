// Replaces: 04-forward forward
// TA: a[l] stores the layer's input a^[l-1] (x first), so the activations lag one layer.
// Names: relation-layer
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let input = x;
  for (const { W, b, activation } of layers) {
    a.push(input);
    const z = b.map((bj, j) => input.reduce((s, v, r) => s + W[r][j] * v, bj));
    f.push(z);
    input = z.map((v) => activation.g(v));
  }
  return { f, a };
}
