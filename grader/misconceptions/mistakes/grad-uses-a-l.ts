import type { Gradients, Layer, Vector } from "../../../exercises/types.ts";
import { forward } from "../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../solutions/06-gradients/gradients.ts";

/** dε/dW^[l] = a^[l] (δ^[l])ᵀ: the layer's own activation in place of its input a^[l-1]. */
export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const yHat = cache.a[layers.length - 1];
  const delta = deltas(layers, cache, lossGradient(yHat, y));
  const dW = delta.map((d, i) => weightGradient(cache.a[i], d));
  const db = delta.map((d) => [...d]);
  return { dW, db };
}
