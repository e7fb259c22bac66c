import type { ForwardCache, Layer, Vector } from "../types";

const backProject = (W: number[][], d: Vector): Vector => W.map((row) => row.reduce((s, w, j) => s + w * d[j], 0));

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const collected: Vector[] = [];
  layers.reduceRight<Vector | null>((later, layer, i) => {
    const upstream = later === null ? dEdYhat : backProject(layers[i + 1].W, later);
    const d = cache.f[i].map((z, k) => layer.activation.gPrime(z) * upstream[k]);
    collected.unshift(d);
    return d;
  }, null);
  return collected;
}
