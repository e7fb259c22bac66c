// Replaces: 06-gradients gradients
// TA: takes the output layer's input as cache.a[L − 2], which does not exist for a one-layer network (it throws).
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const L = layers.length;
  const d = deltas(layers, cache, lossGradient(cache.a[L - 1], y));
  const dW: Matrix[] = [];
  for (let l = 0; l < L - 1; l++) dW.push(weightGradient(l === 0 ? x : cache.a[l - 1], d[l]));
  dW.push(weightGradient(cache.a[L - 2], d[L - 1]));
  return { dW, db: d.map((v) => v.slice()) };
}
