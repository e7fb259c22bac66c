// Replaces: 06-gradients gradients
// TA: correct: its own forward pass and δ recursion, going backwards with unshift.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const inputs: Vector[] = [];
  const fs: Vector[] = [];
  let a = x;
  for (const { W, b, activation } of layers) {
    inputs.push(a);
    const f = b.map((bj, j) => a.reduce((s, ar, r) => s + ar * W[r][j], bj));
    fs.push(f);
    a = f.map((v) => activation.g(v));
  }
  const dW: Matrix[] = [];
  const db: Vector[] = [];
  let upstream = a.map((v, j) => v - y[j]);
  for (let l = layers.length - 1; l >= 0; l--) {
    const delta = fs[l].map((f, j) => layers[l].activation.gPrime(f) * upstream[j]);
    dW.unshift(inputs[l].map((ar) => delta.map((dj) => ar * dj)));
    db.unshift(delta);
    upstream = layers[l].W.map((row) => row.reduce((s, w, j) => s + w * delta[j], 0));
  }
  return { dW, db };
}
