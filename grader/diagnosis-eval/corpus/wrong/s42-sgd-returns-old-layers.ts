// Replaces: 07-gradient-descent sgdStep
// TA: builds the updated layers in a new array but returns the `layers` it was given (the wrong variable), so nothing is updated.
// Names: relation-no-update
import type { Gradients, Layer } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  const updated = layers.map((layer, i) => {
    const W = layer.W.map((row, r) => row.map((w, j) => w - eta * grads.dW[i][r][j]));
    const b = layer.b.map((bj, j) => bj - eta * grads.db[i][j]);
    return { ...layer, W, b };
  });
  return layers;
}
