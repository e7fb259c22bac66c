// Replaces: 06-gradients gradients
// TA: starts backprop from y − ŷ, so every gradient has the wrong sign.
// Names: loss-gradient-sign, relation-negated
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const out = cache.a[layers.length - 1];
  const ds = deltas(
    layers,
    cache,
    y.map((t, j) => t - out[j]),
  );
  return {
    dW: ds.map((d, l) => weightGradient(l === 0 ? x : cache.a[l - 1], d)),
    db: ds.map((d) => d.slice()),
  };
}
