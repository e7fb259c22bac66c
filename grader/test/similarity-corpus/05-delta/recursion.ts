import type { ForwardCache, Layer, Vector } from "../types";

function errorSignal(layers: Layer[], cache: ForwardCache, dEdYhat: Vector, l: number, acc: Vector[]): Vector {
  const g = layers[l].activation;
  if (l === layers.length - 1) {
    acc[l] = cache.f[l].map((v, k) => dEdYhat[k] * g.gPrime(v));
    return acc[l];
  }
  const after = errorSignal(layers, cache, dEdYhat, l + 1, acc);
  const Wafter = layers[l + 1].W;
  acc[l] = cache.f[l].map((v, r) => {
    let weighted = 0;
    after.forEach((dj, j) => (weighted += Wafter[r][j] * dj));
    return weighted * g.gPrime(v);
  });
  return acc[l];
}

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const acc: Vector[] = new Array(layers.length);
  errorSignal(layers, cache, dEdYhat, 0, acc);
  return acc;
}
