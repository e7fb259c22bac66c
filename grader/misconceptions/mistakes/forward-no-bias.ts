import type { ForwardCache, Layer, Vector } from "../../../exercises/types.ts";

/** f^[l] = (W^[l])ᵀ a^[l-1], with the bias b^[l] left out. */
export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let aPrev = x;
  for (const { W, b, activation } of layers) {
    const fl = b.map((_bj, j) => {
      let sum = 0;
      for (let r = 0; r < aPrev.length; r++) sum += W[r][j] * aPrev[r];
      return sum;
    });
    const al = fl.map(activation.g);
    f.push(fl);
    a.push(al);
    aPrev = al;
  }
  return { f, a };
}
