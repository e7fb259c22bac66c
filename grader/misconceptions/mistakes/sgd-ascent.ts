import type { Gradients, Layer } from "../../../exercises/types.ts";

/** W ← W + η∇ε: a step up the gradient, so the error grows. */
export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  return layers.map((layer, i) => ({
    W: layer.W.map((row, r) => row.map((w, j) => w + eta * grads.dW[i][r][j])),
    b: layer.b.map((b, j) => b + eta * grads.db[i][j]),
    activation: layer.activation,
  }));
}
