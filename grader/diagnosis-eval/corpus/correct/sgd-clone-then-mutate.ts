// Replaces: 07-gradient-descent sgdStep
// TA: correct: copies the layers, then updates the copy in place.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  const out = layers.map((l) => ({ W: l.W.map((row) => row.slice()), b: l.b.slice(), activation: l.activation }));
  out.forEach((layer, i) => {
    for (let r = 0; r < layer.W.length; r++) {
      for (let j = 0; j < layer.W[r].length; j++) layer.W[r][j] -= eta * grads.dW[i][r][j];
    }
    for (let j = 0; j < layer.b.length; j++) layer.b[j] -= eta * grads.db[i][j];
  });
  return out;
}
