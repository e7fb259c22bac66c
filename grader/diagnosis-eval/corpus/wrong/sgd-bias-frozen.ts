// Replaces: 07-gradient-descent sgdStep
// TA: updates W but returns b unchanged.
// Names: relation-no-update
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  return layers.map((layer, l) => ({
    W: layer.W.map((row, r) => row.map((w, j) => w - eta * grads.dW[l][r][j])),
    b: [...layer.b],
    activation: layer.activation,
  }));
}
