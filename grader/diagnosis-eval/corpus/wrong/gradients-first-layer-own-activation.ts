// Replaces: 06-gradients gradients
// TA: dW^[1] uses a^[1] instead of x (cache.a[l - 1] ?? cache.a[0]); the other layers are right.
// Names: grad-uses-a-l
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const d = deltas(layers, cache, lossGradient(cache.a[layers.length - 1], y));
  const dW = d.map((dl, l) => {
    const input = cache.a[l - 1] ?? cache.a[0];
    return input.map((ar) => dl.map((dj) => ar * dj));
  });
  return { dW, db: d.map((dl) => [...dl]) };
}
