import type { ForwardCache, Layer, Vector } from "../../../exercises/types.ts";

/** δ^[L] = dε/dŷ at the output, without its g′(f^[L]); the hidden layers' recursion is right. */
export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const result: Vector[] = new Array(L);
  result[L - 1] = [...dEdYhat];
  for (let i = L - 2; i >= 0; i--) {
    const Wnext = layers[i + 1].W;
    const dNext = result[i + 1];
    const g = layers[i].activation;
    result[i] = cache.f[i].map((fr, r) => {
      let back = 0;
      for (let j = 0; j < dNext.length; j++) back += Wnext[r][j] * dNext[j];
      return g.gPrime(fr) * back;
    });
  }
  return result;
}
