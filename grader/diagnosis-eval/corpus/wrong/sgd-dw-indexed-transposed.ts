// Replaces: 07-gradient-descent sgdStep
// TA: reads dW[l][j][r] for W[r][j], the gradient transposed (it throws when W is not square).
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  return layers.map((layer, l) => ({
    W: layer.W.map((row, r) => row.map((w, j) => w - eta * grads.dW[l][j][r])),
    b: layer.b.map((v, j) => v - eta * grads.db[l][j]),
    activation: layer.activation,
  }));
}
