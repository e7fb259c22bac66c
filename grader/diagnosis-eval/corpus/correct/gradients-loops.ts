// Replaces: 06-gradients gradients
// TA: correct: explicit loops over the layers.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";
import { deltas } from "../../../../solutions/05-delta/delta.ts";
import { lossGradient, weightGradient } from "../../../../solutions/06-gradients/gradients.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const cache = forward(layers, x);
  const L = layers.length;
  const d = deltas(layers, cache, lossGradient(cache.a[L - 1], y));
  const dW: Matrix[] = [];
  const db: Vector[] = [];
  for (let l = 0; l < L; l++) {
    const input = l > 0 ? cache.a[l - 1] : x;
    const g: Matrix = [];
    for (let r = 0; r < input.length; r++) {
      g.push([]);
      for (let j = 0; j < d[l].length; j++) g[r].push(input[r] * d[l][j]);
    }
    dW.push(g);
    db.push(d[l].slice());
  }
  return { dW, db };
}
