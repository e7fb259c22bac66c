// Replaces: 07-gradient-descent sgdStep
// TA: adds η∇ε: gradient ascent.
// Names: sgd-ascent
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  const next: Layer[] = [];
  for (let l = 0; l < layers.length; l++) {
    const { W, b, activation } = layers[l];
    next.push({
      W: W.map((row, r) => row.map((w, j) => w + eta * grads.dW[l][r][j])),
      b: b.map((v, j) => v + eta * grads.db[l][j]),
      activation,
    });
  }
  return next;
}
