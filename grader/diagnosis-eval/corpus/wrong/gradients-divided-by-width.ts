// Replaces: 06-gradients gradients
// TA: "averages" each layer's gradients by dividing dW^[l] and db^[l] by n_l, the layer's width.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const d = deltas(layers, cache, lossGradient(cache.a[layers.length - 1], y));
  const dW = d.map((dl, l) => (l === 0 ? x : cache.a[l - 1]).map((ar) => dl.map((dj) => (ar * dj) / dl.length)));
  const db = d.map((dl) => dl.map((v) => v / dl.length));
  return { dW, db };
}
