// Replaces: 04-forward forward
// TA: right: Wᵀ built once per layer as an array of columns, then each unit is a dot product with its column.
// Names: none
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let input = x;
  for (const layer of layers) {
    const columns = Array.from({ length: layer.b.length }, (_, j) => layer.W.map((row) => row[j]));
    const z = columns.map((col, j) => col.reduce((s, w, r) => s + w * input[r], 0) + layer.b[j]);
    f.push(z);
    input = z.map((v) => layer.activation.g(v));
    a.push(input);
  }
  return { f, a };
}
