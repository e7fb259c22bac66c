// Replaces: 06-gradients gradients
// TA: starts backprop from f^[L] − y (the output's weighted input) instead of ŷ − y with ŷ = a^[L]; right only when the output layer is the identity.
// Names: none
import type { Gradients, Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const L = layers.length;
  const out = cache.f[L - 1];
  const d = deltas(layers, cache, lossGradient(out, y));
  return {
    dW: d.map((dl, l) => weightGradient(l === 0 ? x : cache.a[l - 1], dl)),
    db: d.map((dl) => dl.slice()),
  };
}
