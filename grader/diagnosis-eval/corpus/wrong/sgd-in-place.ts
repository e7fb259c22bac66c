// Replaces: 07-gradient-descent sgdStep
// TA: right values, but updates the caller's layers in place.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  layers.forEach((layer, l) => {
    layer.W.forEach((row, r) => row.forEach((w, j) => (row[j] = w - eta * grads.dW[l][r][j])));
    layer.b.forEach((v, j) => (layer.b[j] = v - eta * grads.db[l][j]));
  });
  return layers;
}
