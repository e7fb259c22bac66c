// Replaces: 06-gradients gradients
// Seen from: 07-gradient-descent
// TA: gradients returns a^[l] as db^[l] instead of δ^[l]; the descent step and the training loop are right.
// Names: upstream-06-gradients
import type { Gradients, Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const out = cache.a[cache.a.length - 1];
  const ds = deltas(layers, cache, lossGradient(out, y));
  const dW = ds.map((d, l) => weightGradient(l > 0 ? cache.a[l - 1] : x, d));
  const db = cache.a.map((al) => al.slice());
  return { dW, db };
}
