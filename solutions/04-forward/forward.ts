import type { ForwardCache, Layer, Vector } from "../types";

/**
 * Forward propagation through L layers.
 * - layers: L layers; W^[l] has shape (n_{l-1}, n_l), b^[l] length n_l.
 * - x: a^[0], length n_0.
 * For l = 1 … L:  f^[l] = (W^[l])ᵀ a^[l-1] + b^[l]  and  a^[l] = g^[l](f^[l]).
 * Returns { f, a } aligned with layers: f[i] = f^[i+1], a[i] = a^[i+1], each length n_{i+1}.
 */
export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let aPrev = x;
  for (const { W, b, activation } of layers) {
    // W is n_{l-1} × n_l, so unit j of layer l reads column j of W:
    // f_j = Σ_r W[r][j] a_r + b_j, which is ((W)ᵀ a^[l-1])_j + b_j.
    const fl = b.map((bj, j) => {
      let sum = bj;
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
