import type { ForwardCache, Layer, Vector } from "../../../exercises/types.ts";

/** g′ evaluated at the activation a^[l] = g(f^[l]) instead of at f^[l]: σ′(σ(f)) in place of σ′(f). */
export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const result: Vector[] = new Array(L);
  const gL = layers[L - 1].activation;
  result[L - 1] = cache.a[L - 1].map((aj, j) => gL.gPrime(aj) * dEdYhat[j]);
  for (let i = L - 2; i >= 0; i--) {
    const Wnext = layers[i + 1].W;
    const dNext = result[i + 1];
    const g = layers[i].activation;
    result[i] = cache.a[i].map((ar, r) => {
      let back = 0;
      for (let j = 0; j < dNext.length; j++) back += Wnext[r][j] * dNext[j];
      return g.gPrime(ar) * back;
    });
  }
  return result;
}
