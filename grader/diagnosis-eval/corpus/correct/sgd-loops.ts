// Replaces: 07-gradient-descent sgdStep
// TA: correct: for loops building new arrays.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  const result: Layer[] = [];
  for (let l = 0; l < layers.length; l++) {
    const W: Matrix = [];
    for (let r = 0; r < layers[l].W.length; r++) {
      W.push([]);
      for (let j = 0; j < layers[l].W[r].length; j++) W[r].push(layers[l].W[r][j] - eta * grads.dW[l][r][j]);
    }
    const b: Vector = [];
    for (let j = 0; j < layers[l].b.length; j++) b.push(layers[l].b[j] - eta * grads.db[l][j]);
    result.push({ W, b, activation: layers[l].activation });
  }
  return result;
}
