// Replaces: 04-forward forward
// TA: its 1-based loop takes the activation from layers[l − 2], so every layer after the first applies the previous layer's g^[l−1] instead of its own g^[l] (the first layer happens to get its own).
// Names: none
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const L = layers.length;
  const f: Vector[] = [];
  const a: Vector[] = [];
  let aPrev = x; // a^[0]
  for (let l = 1; l <= L; l++) {
    const { W, b } = layers[l - 1]; // W^[l], b^[l]
    const g = layers[Math.max(l - 2, 0)].activation;
    const fl = b.map((bj, j) => {
      let s = bj;
      for (let r = 0; r < aPrev.length; r++) s += W[r][j] * aPrev[r];
      return s;
    });
    const al = fl.map((v) => g.g(v));
    f.push(fl);
    a.push(al);
    aPrev = al;
  }
  return { f, a };
}
