// Replaces: 06-gradients gradients
// TA: correct: its own forward and backward pass in one function.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const zs: Vector[] = [];
  const acts: Vector[] = [x];
  for (const { W, b, activation } of layers) {
    const prev = acts[acts.length - 1];
    const z = b.map((bj, j) => prev.reduce((s, v, r) => s + v * W[r][j], bj));
    zs.push(z);
    acts.push(z.map((v) => activation.g(v)));
  }
  const L = layers.length;
  const db: Vector[] = new Array(L);
  db[L - 1] = zs[L - 1].map((z, j) => layers[L - 1].activation.gPrime(z) * (acts[L][j] - y[j]));
  for (let l = L - 2; l >= 0; l--) {
    db[l] = zs[l].map(
      (z, r) => layers[l].activation.gPrime(z) * layers[l + 1].W[r].reduce((s, w, j) => s + w * db[l + 1][j], 0),
    );
  }
  const dW = db.map((d, l) => acts[l].map((v) => d.map((dj) => v * dj)));
  return { dW, db };
}
