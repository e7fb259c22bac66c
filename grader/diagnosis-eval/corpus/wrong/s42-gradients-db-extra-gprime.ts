// Replaces: 06-gradients gradients
// TA: db^[l] multiplies δ^[l] by g′(f^[l]) once more ("the bias goes through the activation"), so the bias gradient has the factor g′(f^[l]) twice; dW is right.
// Names: relation-extra-gprime
import type { Gradients, Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const L = layers.length;
  const delta = deltas(layers, cache, lossGradient(cache.a[L - 1], y));
  return {
    dW: delta.map((d, i) => weightGradient(i === 0 ? x : cache.a[i - 1], d)),
    db: delta.map((d, i) => d.map((dj, j) => dj * layers[i].activation.gPrime(cache.f[i][j]))),
  };
}
