import type { ForwardCache, Layer, Vector } from "../../../exercises/types.ts";

/** f^[l] = W^[l] a^[l-1] + b^[l]: unit j reads row j of W instead of column j. */
export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let aPrev = x;
  for (const { W, b, activation } of layers) {
    const fl = b.map((bj, j) => {
      let sum = bj;
      for (let r = 0; r < aPrev.length; r++) sum += W[j][r] * aPrev[r];
      return sum;
    });
    const al = fl.map(activation.g);
    f.push(fl);
    a.push(al);
    aPrev = al;
  }
  return { f, a };
}
