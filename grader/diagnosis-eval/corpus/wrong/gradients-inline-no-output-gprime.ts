// Replaces: 06-gradients gradients
// TA: its own backward pass leaves g′(f^[L]) out of δ^[L].
// Names: delta-output-no-gprime
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const { f, a } = forward(layers, x);
  const L = layers.length;
  const delta: Vector[] = new Array(L);
  delta[L - 1] = a[L - 1].map((v, j) => v - y[j]);
  for (let l = L - 2; l >= 0; l--) {
    delta[l] = f[l].map(
      (z, r) => layers[l].activation.gPrime(z) * layers[l + 1].W[r].reduce((s, w, j) => s + w * delta[l + 1][j], 0),
    );
  }
  const dW = delta.map((d, l) => (l === 0 ? x : a[l - 1]).map((v) => d.map((dj) => v * dj)));
  return { dW, db: delta.map((d) => [...d]) };
}
