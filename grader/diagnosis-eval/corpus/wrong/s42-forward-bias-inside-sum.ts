// Replaces: 04-forward forward
// TA: adds b_j inside the sum over the inputs r, so f^[l]_j gets b_j once per input unit (n_{l-1} times) instead of once.
// Names: none
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let prev = x;
  for (let l = 0; l < layers.length; l++) {
    const { W, b, activation } = layers[l];
    const nOut = W[0].length;
    const fl: Vector = new Array(nOut).fill(0);
    for (let j = 0; j < nOut; j++) {
      for (let r = 0; r < prev.length; r++) {
        fl[j] += W[r][j] * prev[r] + b[j];
      }
    }
    f.push(fl);
    a.push(fl.map(activation.g));
    prev = a[l];
  }
  return { f, a };
}
