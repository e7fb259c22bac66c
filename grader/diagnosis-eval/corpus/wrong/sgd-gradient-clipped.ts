// Replaces: 07-gradient-descent sgdStep
// TA: clips every gradient entry to [−0.5, 0.5] before the step.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

const clip = (g: number) => Math.max(-0.5, Math.min(0.5, g));

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  return layers.map((layer, i) => ({
    W: layer.W.map((row, r) => row.map((w, j) => w - eta * clip(grads.dW[i][r][j]))),
    b: layer.b.map((b, j) => b - eta * clip(grads.db[i][j])),
    activation: layer.activation,
  }));
}
