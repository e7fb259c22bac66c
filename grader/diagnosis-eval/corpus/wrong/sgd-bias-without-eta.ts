// Replaces: 07-gradient-descent sgdStep
// TA: W steps by η dW, but b steps by the whole db (η left out for the bias).
// Names: relation-eta-missing
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  const next: Layer[] = [];
  for (let i = 0; i < layers.length; i++) {
    const W = layers[i].W.map((row, r) => row.map((w, j) => w - eta * grads.dW[i][r][j]));
    const b = layers[i].b.map((v, j) => v - grads.db[i][j]);
    next.push({ W, b, activation: layers[i].activation });
  }
  return next;
}
