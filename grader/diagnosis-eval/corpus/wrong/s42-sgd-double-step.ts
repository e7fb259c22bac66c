// Replaces: 07-gradient-descent sgdStep
// TA: steps by 2η ("the 2 from differentiating the square"): W − 2η dW and b − 2η db, twice the lecture's step.
// Names: relation-step-scaled
import type { Gradients, Layer } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  const out: Layer[] = [];
  for (let l = 0; l < layers.length; l++) {
    const { W, b, activation } = layers[l];
    const newW = W.map((row, r) => row.map((w, c) => w - 2 * eta * grads.dW[l][r][c]));
    const newB = b.map((v, c) => v - 2 * eta * grads.db[l][c]);
    out.push({ W: newW, b: newB, activation });
  }
  return out;
}
