// Replaces: 05-delta deltas
// TA: correct: 1 − a² for tanh and a(1 − a) for sigmoid (g′ written in a = g(f)), gPrime(f) for the others.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const gp = (l: number, r: number) => {
    const { name, gPrime } = layers[l].activation;
    const a = cache.a[l][r];
    if (name === "tanh") return 1 - a * a;
    if (name === "sigmoid") return a * (1 - a);
    return gPrime(cache.f[l][r]);
  };
  const d: Vector[] = new Array(L);
  d[L - 1] = dEdYhat.map((e, j) => gp(L - 1, j) * e);
  for (let l = L - 2; l >= 0; l--) {
    d[l] = cache.f[l].map((_, r) => gp(l, r) * layers[l + 1].W[r].reduce((s, w, j) => s + w * d[l + 1][j], 0));
  }
  return d;
}
