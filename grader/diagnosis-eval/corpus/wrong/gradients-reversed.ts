// Replaces: 06-gradients gradients
// TA: builds dW and db from the output layer down and never reverses them.
// Names: relation-layer
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const ds = deltas(layers, cache, lossGradient(cache.a[layers.length - 1], y));
  const dW: Matrix[] = [];
  const db: Vector[] = [];
  for (let l = layers.length - 1; l >= 0; l--) {
    dW.push(weightGradient(l === 0 ? x : cache.a[l - 1], ds[l]));
    db.push([...ds[l]]);
  }
  return { dW, db };
}
