// Replaces: 07-gradient-descent sgdStep
// TA: returns after updating the first layer: the later layers are not updated.
// Names: relation-no-update
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  const out = layers.map((l) => ({ W: l.W.map((r) => [...r]), b: [...l.b], activation: l.activation }));
  for (let i = 0; i < out.length; i++) {
    out[i].W = out[i].W.map((row, r) => row.map((w, j) => w - eta * grads.dW[i][r][j]));
    out[i].b = out[i].b.map((v, j) => v - eta * grads.db[i][j]);
    break;
  }
  return out;
}
