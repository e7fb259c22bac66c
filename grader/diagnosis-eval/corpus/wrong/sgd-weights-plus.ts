// Replaces: 07-gradient-descent sgdStep
// TA: the weights move by +η dW (ascent), while the biases step the right way, b − η db.
// Names: sgd-ascent
import type { Gradients, Layer } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  return layers.map((layer, l) => {
    const W = layer.W.map((row, r) => row.map((w, j) => w + eta * grads.dW[l][r][j]));
    const b = layer.b.map((v, j) => v - eta * grads.db[l][j]);
    return { ...layer, W, b };
  });
}
