import type { ForwardCache, Layer, Vector } from "../../../exercises/types.ts";

/** δ^[l] = W^[l+1] δ^[l+1], and δ^[L] = dε/dŷ: the g′(f^[l]) factor is left out. */
export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const L = layers.length;
  const result: Vector[] = new Array(L);
  result[L - 1] = [...dEdYhat];
  for (let i = L - 2; i >= 0; i--) {
    const W = layers[i + 1].W;
    const next = result[i + 1];
    result[i] = cache.f[i].map((_f, r) => {
      let sum = 0;
      for (let j = 0; j < next.length; j++) sum += W[r][j] * next[j];
      return sum;
    });
  }
  return result;
}
