// Replaces: 07-gradient-descent sgdStep
// TA: divides the gradient by η instead of multiplying.
// Names: relation-eta-divided
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  return layers.map((layer, l) => ({
    W: layer.W.map((row, r) => row.map((w, j) => w - grads.dW[l][r][j] / eta)),
    b: layer.b.map((v, j) => v - grads.db[l][j] / eta),
    activation: layer.activation,
  }));
}
