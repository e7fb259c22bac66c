// Replaces: 06-gradients gradients
// TA: its own δ recursion reads W^[l+1] as n_{l+1} × n_l, summing Σ_j W^[l+1][j][r] δ^[l+1]_j, which is (W^[l+1])ᵀ δ^[l+1] instead of W^[l+1] δ^[l+1].
// Names: delta-w-transposed
import type { Gradients, Layer, Vector } from "../../../../exercises/types.ts";
import { forward } from "../../../../solutions/04-forward/forward.ts";

export function gradients(layers: Layer[], x: Vector, y: Vector): Gradients {
  const { f, a } = forward(layers, x);
  const L = layers.length;
  const delta: Vector[] = new Array(L);
  delta[L - 1] = f[L - 1].map((z, j) => layers[L - 1].activation.gPrime(z) * (a[L - 1][j] - y[j]));
  for (let l = L - 2; l >= 0; l--) {
    const Wn = layers[l + 1].W;
    const dn = delta[l + 1];
    delta[l] = f[l].map((z, r) => {
      let s = 0;
      for (let j = 0; j < dn.length; j++) s += Wn[j][r] * dn[j];
      return layers[l].activation.gPrime(z) * s;
    });
  }
  const dW = delta.map((d, l) => (l === 0 ? x : a[l - 1]).map((ar) => d.map((dj) => ar * dj)));
  return { dW, db: delta.map((d) => [...d]) };
}
