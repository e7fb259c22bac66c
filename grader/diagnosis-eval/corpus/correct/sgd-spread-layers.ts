// Replaces: 07-gradient-descent sgdStep
// TA: right: each layer copied with spread syntax and new W and b arrays; the inputs are left unchanged.
// Names: none
import type { Gradients, Layer } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  return layers.map((layer, l) => {
    const { dW, db } = { dW: grads.dW[l], db: grads.db[l] };
    return {
      ...layer,
      W: layer.W.map((row, r) => row.map((w, c) => w + -eta * dW[r][c])),
      b: layer.b.map((v, j) => v + -eta * db[j]),
    };
  });
}
