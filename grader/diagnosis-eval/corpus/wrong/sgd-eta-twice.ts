// Replaces: 07-gradient-descent sgdStep
// TA: scales the gradient by η, then multiplies by η again in the update.
// Names: relation-eta-twice
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  const scaledW = grads.dW.map((m) => m.map((row) => row.map((g) => eta * g)));
  const scaledB = grads.db.map((v) => v.map((g) => eta * g));
  return layers.map((layer, l) => ({
    W: layer.W.map((row, r) => row.map((w, j) => w - eta * scaledW[l][r][j])),
    b: layer.b.map((v, j) => v - eta * scaledB[l][j]),
    activation: layer.activation,
  }));
}
