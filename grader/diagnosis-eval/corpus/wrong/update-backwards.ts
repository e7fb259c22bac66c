// Replaces: 02-perceptron update
// TA: w ← w + η(ŷ − y)x: moves away from the instance.
// Names: perceptron-update-sign
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function update(w: Vector, x: Vector, y: number, yHat: number, eta: number): Vector {
  const out = w.slice();
  for (let i = 0; i < out.length; i++) out[i] += eta * (yHat - y) * x[i];
  return out;
}
