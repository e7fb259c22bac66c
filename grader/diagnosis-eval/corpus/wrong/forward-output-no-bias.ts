// Replaces: 04-forward forward
// TA: the output layer's f^[L] leaves out b^[L]; hidden layers are right.
// Names: forward-no-bias
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let input = x;
  layers.forEach((layer, l) => {
    const last = l === layers.length - 1;
    const z = layer.W[0].map((_, j) => {
      let s = last ? 0 : layer.b[j];
      for (let r = 0; r < input.length; r++) s += layer.W[r][j] * input[r];
      return s;
    });
    f.push(z);
    a.push(z.map((v) => layer.activation.g(v)));
    input = a[l];
  });
  return { f, a };
}
