// Replaces: 06-gradients gradients
// Seen from: 07-gradient-descent
// TA: db^[l] is one number, the sum of δ^[l] (a scalar bias per layer), so sgdStep gets a db of the wrong length.
// Names: upstream-06-gradients
import type { Gradients, Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const L = layers.length;
  const delta = deltas(layers, cache, lossGradient(cache.a[L - 1], y));
  const dW = delta.map((d, l) => weightGradient(l === 0 ? x : cache.a[l - 1], d));
  const db = delta.map((d) => [d.reduce((s, v) => s + v, 0)]);
  return { dW, db };
}
