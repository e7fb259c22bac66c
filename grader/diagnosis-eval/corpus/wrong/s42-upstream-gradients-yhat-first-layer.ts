// Replaces: 06-gradients gradients
// Seen from: 07-gradient-descent
// TA: gradients takes ŷ as cache.a[0], the first layer's activation, instead of the last one, cache.a[L − 1], so a deeper network starts backprop from the wrong error; train, which calls it, is right.
// Names: upstream-06-gradients
import type { Gradients, Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const yHat = cache.a[0];
  const delta = deltas(layers, cache, lossGradient(yHat, y));
  const dW = delta.map((d, i) => weightGradient(i === 0 ? x : cache.a[i - 1], d));
  const db = delta.map((d) => d.slice());
  return { dW, db };
}
