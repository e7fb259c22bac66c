// Replaces: 07-gradient-descent sgdStep
// TA: the first layer's bias b^[1] is moved by +η db^[1] (a sign slip in one line); every other W and b is right.
// Names: sgd-ascent
import type { Gradients, Layer } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  const out: Layer[] = [];
  for (let i = 0; i < layers.length; i++) {
    const { W, b, activation } = layers[i];
    const newW = W.map((row, r) => row.map((w, c) => w - eta * grads.dW[i][r][c]));
    const newB = i === 0 ? b.map((v, j) => v + eta * grads.db[i][j]) : b.map((v, j) => v - eta * grads.db[i][j]);
    out.push({ W: newW, b: newB, activation });
  }
  return out;
}
