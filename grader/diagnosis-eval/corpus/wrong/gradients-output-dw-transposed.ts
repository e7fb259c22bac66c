// Replaces: 06-gradients gradients
// TA: the output layer's dW^[L] is δ^[L] (a^[L-1])ᵀ, transposed ("the last layer maps to the outputs, so outputs are rows"); the other layers are right.
// Names: grad-transposed
import type { Gradients, Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const L = layers.length;
  const d = deltas(layers, cache, lossGradient(cache.a[L - 1], y));
  const dW = d.map((dl, l) => {
    const input = l === 0 ? x : cache.a[l - 1];
    return l === L - 1 ? dl.map((dj) => input.map((v) => dj * v)) : input.map((v) => dl.map((dj) => v * dj));
  });
  return { dW, db: d.map((dl) => [...dl]) };
}
