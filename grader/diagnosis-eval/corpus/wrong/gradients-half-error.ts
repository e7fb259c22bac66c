// Replaces: 06-gradients gradients
// TA: starts backprop from ½(ŷ − y), so every gradient is halved.
// Names: relation-scaled
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const out = cache.a[layers.length - 1];
  const ds = deltas(
    layers,
    cache,
    out.map((o, j) => 0.5 * (o - y[j])),
  );
  return {
    dW: ds.map((d, l) => weightGradient(l === 0 ? x : cache.a[l - 1], d)),
    db: ds.map((d) => [...d]),
  };
}
