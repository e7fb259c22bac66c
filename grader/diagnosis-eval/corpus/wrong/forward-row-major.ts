// Replaces: 04-forward forward
// TA: f^[l] uses W a^[l-1] (rows of W) instead of Wᵀ a^[l-1].
// Names: forward-w-not-transposed
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const fs: Vector[] = [];
  const as: Vector[] = [];
  let input = x;
  for (let l = 0; l < layers.length; l++) {
    const { W, b, activation } = layers[l];
    const z: Vector = [];
    for (let j = 0; j < b.length; j++) {
      let s = b[j];
      for (let k = 0; k < input.length; k++) s += W[j][k] * input[k];
      z.push(s);
    }
    fs.push(z);
    input = z.map((v) => activation.g(v));
    as.push(input);
  }
  return { f: fs, a: as };
}
