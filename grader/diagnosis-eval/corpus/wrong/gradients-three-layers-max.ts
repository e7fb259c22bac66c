// Replaces: 06-gradients gradients
// TA: dW and db are built for at most three layers (a loop bound copied from a 3-layer example), so a deeper network's last gradients are missing.
// Names: none
import type { Gradients, Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const { f, a } = forward(layers, x);
  const d = deltas(layers, { f, a }, lossGradient(a[a.length - 1], y));
  const dW = [];
  const db = [];
  for (let l = 0; l < Math.min(layers.length, 3); l++) {
    dW.push(weightGradient(l === 0 ? x : a[l - 1], d[l]));
    db.push(d[l].slice());
  }
  return { dW, db };
}
