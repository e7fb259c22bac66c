// Replaces: 06-gradients gradients
// TA: dW^[l] uses f^[l-1] (before the activation) instead of a^[l-1].
// Names: relation-f-for-a-prev
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const ds = deltas(layers, cache, lossGradient(cache.a[layers.length - 1], y));
  return {
    dW: ds.map((d, l) => weightGradient(l === 0 ? x : cache.f[l - 1], d)),
    db: ds.map((d) => [...d]),
  };
}
