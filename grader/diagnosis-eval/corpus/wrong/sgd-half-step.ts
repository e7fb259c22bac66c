// Replaces: 07-gradient-descent sgdStep
// TA: steps by η/2 (a ½ from the loss carried into the update).
// Names: relation-step-scaled
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  const lr = eta / 2;
  return layers.map((layer, i) => ({
    W: layer.W.map((row, r) => row.map((w, j) => w - lr * grads.dW[i][r][j])),
    b: layer.b.map((v, j) => v - lr * grads.db[i][j]),
    activation: layer.activation,
  }));
}
