// Replaces: 06-gradients gradients
// TA: db^[l] is the column sums of dW^[l] instead of δ^[l].
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const ds = deltas(layers, cache, lossGradient(cache.a[layers.length - 1], y));
  const dW = ds.map((d, l) => weightGradient(l === 0 ? x : cache.a[l - 1], d));
  const db = dW.map((m) => m[0].map((_, j) => m.reduce((s, row) => s + row[j], 0)));
  return { dW, db };
}
