// Replaces: 04-forward forward
// TA: correct: transposes W explicitly, then multiplies.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let input = x;
  for (const layer of layers) {
    const Wt: Matrix = layer.W[0].map((_, j) => layer.W.map((row) => row[j]));
    const z = Wt.map((row, j) => row.reduce((s, w, r) => s + w * input[r], 0) + layer.b[j]);
    f.push(z);
    input = z.map(layer.activation.g);
    a.push(input);
  }
  return { f, a };
}
