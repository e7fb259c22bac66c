// Replaces: 06-gradients gradients
// TA: after prepending x to the activations (so inputs[k] = a^[k]) it still subtracts one for the later layers, so dε/dW^[l] uses a^[l−2] (x for layer 2) instead of a^[l−1]; only layer 1 is right.
// Names: none
import type { Gradients, Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const L = layers.length;
  const ds = deltas(layers, cache, lossGradient(cache.a[L - 1], y));
  const inputs = [x, ...cache.a]; // a^[0] = x, a^[1], …, a^[L]
  const dW = ds.map((d, i) => weightGradient(i === 0 ? x : inputs[i - 1], d));
  return { dW, db: ds.map((d) => d.slice()) };
}
