// Replaces: 06-gradients gradients
// Seen from: 07-gradient-descent
// TA: gradients does its own forward pass reading W^[l] as n_l × n_{l−1} (unit j takes row j, Σ_r W^[l][j][r] a_r) instead of column j; the δ and outer products after it are right, and train, which calls it, is right.
// Names: upstream-06-gradients
import type { Gradients, Layer, Vector } from "../../../../exercises/types.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let prev = x;
  for (const { W, b, activation } of layers) {
    // row j of W^[l] holds the weights of unit j
    const fl = b.map((bj, j) => prev.reduce((s, p, r) => s + W[j][r] * p, bj));
    f.push(fl);
    prev = fl.map((v) => activation.g(v));
    a.push(prev);
  }
  const L = layers.length;
  const ds = deltas(layers, { f, a }, lossGradient(a[L - 1], y));
  return {
    dW: ds.map((d, i) => weightGradient(i === 0 ? x : a[i - 1], d)),
    db: ds.map((d) => [...d]),
  };
}
