// Replaces: 06-gradients gradients
// TA: right: db^[l] is read off weightGradient([1], δ^[l]), the bias treated as a weight on a constant input 1; dW pairs each δ with the list [x, a^[1], …, a^[L-1]].
// Names: none
import type { Gradients, Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const L = layers.length;
  const ds = deltas(layers, cache, lossGradient(cache.a[L - 1], y));
  const inputs = [x, ...cache.a.slice(0, L - 1)];
  return {
    dW: ds.map((d, l) => weightGradient(inputs[l], d)),
    db: ds.map((d) => weightGradient([1], d)[0]),
  };
}
