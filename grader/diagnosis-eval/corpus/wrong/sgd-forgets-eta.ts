// Replaces: 07-gradient-descent sgdStep
// TA: steps by the whole gradient: η is never used.
// Names: relation-eta-missing
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sgdStep(layers: Layer[], grads: Gradients, eta: number): Layer[] {
  return layers.map((layer, l) => ({
    ...layer,
    W: layer.W.map((row, r) => row.map((w, j) => w - grads.dW[l][r][j])),
    b: layer.b.map((v, j) => v - grads.db[l][j]),
  }));
}
