// Replaces: 06-gradients gradients
// TA: returns db^[l] = −δ^[l] ("the bias moves against the error") while dW is right, so every bias gradient has the wrong sign.
// Names: relation-negated
import type { Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const { f, a } = forward(layers, x);
  const L = layers.length;
  const dEdYhat = lossGradient(a[L - 1], y);
  const ds = deltas(layers, { f, a }, dEdYhat);
  const dW: Matrix[] = [];
  const db: Vector[] = [];
  for (let l = 0; l < L; l++) {
    dW.push(weightGradient(l === 0 ? x : a[l - 1], ds[l]));
    db.push(ds[l].map((d) => -d));
  }
  return { dW, db };
}
