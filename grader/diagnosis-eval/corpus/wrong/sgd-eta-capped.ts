// Replaces: 07-gradient-descent sgdStep
// TA: caps η at 1 "for stability", so a larger η steps by less than it should.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  const lr = Math.min(eta, 1);
  return layers.map((layer, i) => ({
    W: layer.W.map((row, r) => row.map((w, j) => w - lr * grads.dW[i][r][j])),
    b: layer.b.map((b, j) => b - lr * grads.db[i][j]),
    activation: layer.activation,
  }));
}
