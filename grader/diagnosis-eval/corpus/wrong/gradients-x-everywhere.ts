// Replaces: 06-gradients gradients
// TA: every layer's dW uses x as its input.
// Names: relation-x-for-a-prev
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const yHat = cache.a[cache.a.length - 1];
  const ds = deltas(layers, cache, lossGradient(yHat, y));
  return {
    dW: ds.map((d, l) => layers[l].W.map((row, r) => row.map((_, j) => (x[r] ?? 0) * d[j]))),
    db: ds.map((d) => [...d]),
  };
}
