// Replaces: 06-gradients gradients
// TA: the output δ^[L] is ŷ(1 − ŷ)(ŷ − y), σ′ written in ŷ whatever the output activation: wrong for identity outputs.
// Names: relation-sigmoid-form
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const { f, a } = forward(layers, x);
  const L = layers.length;
  const db: Vector[] = new Array(L);
  const yHat = a[L - 1];
  db[L - 1] = yHat.map((p, j) => p * (1 - p) * (p - y[j]));
  for (let l = L - 2; l >= 0; l--) {
    db[l] = f[l].map(
      (z, r) => layers[l].activation.gPrime(z) * layers[l + 1].W[r].reduce((s, w, j) => s + w * db[l + 1][j], 0),
    );
  }
  const dW = db.map((d, l) => (l === 0 ? x : a[l - 1]).map((v) => d.map((dj) => v * dj)));
  return { dW, db };
}
