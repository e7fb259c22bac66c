// Replaces: 07-gradient-descent sgdStep
// TA: right: a small axpy helper (α·g + w entry by entry, into a new array) called with α = −η on every row of W and on b.
// Names: none
import type { Gradients, Layer, Vector } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  const axpy = (alpha: number, g: Vector, w: Vector): Vector => w.map((wi, k) => alpha * g[k] + wi);
  return layers.map(({ W, b, activation }, l) => ({
    W: W.map((row, r) => axpy(-eta, grads.dW[l][r], row)),
    b: axpy(-eta, grads.db[l], b),
    activation,
  }));
}
