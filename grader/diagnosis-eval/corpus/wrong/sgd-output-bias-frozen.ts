// Replaces: 07-gradient-descent sgdStep
// TA: the output layer's bias b^[L] is left unchanged ("no bias update on the output"); everything else is right.
// Names: relation-no-update
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  const L = layers.length;
  return layers.map((layer, l) => ({
    activation: layer.activation,
    W: layer.W.map((row, r) => row.map((w, j) => w - eta * grads.dW[l][r][j])),
    b: l === L - 1 ? [...layer.b] : layer.b.map((v, j) => v - eta * grads.db[l][j]),
  }));
}
