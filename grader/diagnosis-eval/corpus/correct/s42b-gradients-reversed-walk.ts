// Replaces: 06-gradients gradients
// TA: right: its own backward pass walks the layers from the last to the first, carrying e = dε/da^[l] (starting at ŷ − y), forming δ = g′(f) ∘ e, dW and db for that layer, then e = W δ for the layer before; the results are put in front with unshift.
// Names: none
import type { Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const { f, a } = forward(layers, x);
  const L = layers.length;
  const dW: Matrix[] = [];
  const db: Vector[] = [];
  let e: Vector = a[L - 1].map((v, j) => v - y[j]);
  for (let l = L - 1; l >= 0; l--) {
    const { W, activation } = layers[l];
    const delta = f[l].map((z, j) => activation.gPrime(z) * e[j]);
    const input = l > 0 ? a[l - 1] : x;
    dW.unshift(input.map((ar) => delta.map((dj) => ar * dj)));
    db.unshift(delta);
    e = W.map((row) => row.reduce((s, w, j) => s + w * delta[j], 0));
  }
  return { dW, db };
}
