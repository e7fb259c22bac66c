// Replaces: 05-delta deltas
// TA: g′(f) is left out everywhere, output layer included.
// Names: delta-missing-gprime
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  let d = [...dEdYhat];
  const result: Vector[] = [d];
  for (let l = layers.length - 1; l > 0; l--) {
    const W = layers[l].W;
    d = W.map((row) => row.reduce((s, w, j) => s + w * d[j], 0));
    result.unshift(d);
  }
  return result;
}
