// Replaces: 04-forward forward
// TA: correct: builds Wᵀ explicitly, then multiplies it by the input and adds b.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const out: ForwardCache = { f: [], a: [] };
  let input = x;
  for (const layer of layers) {
    const Wt = layer.b.map((_, j) => layer.W.map((row) => row[j]));
    const f = Wt.map((row, j) => row.reduce((s, w, r) => s + w * input[r], 0) + layer.b[j]);
    out.f.push(f);
    input = f.map((v) => layer.activation.g(v));
    out.a.push(input);
  }
  return out;
}
