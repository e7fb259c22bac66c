// Replaces: 04-forward forward
// TA: the bias b^[l] is never added to f^[l].
// Names: forward-no-bias
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let current = x;
  layers.forEach((layer) => {
    const n = layer.W[0].length;
    const z = new Array<number>(n).fill(0);
    for (let r = 0; r < current.length; r++) for (let j = 0; j < n; j++) z[j] += layer.W[r][j] * current[r];
    f.push(z);
    current = z.map(layer.activation.g);
    a.push(current);
  });
  return { f, a };
}
