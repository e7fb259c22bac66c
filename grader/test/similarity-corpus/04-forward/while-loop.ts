import type { ForwardCache, Layer, Vector } from "../types";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const result: ForwardCache = { f: [], a: [] };
  let current: Vector = x.slice();
  let depth = 0;
  while (depth < layers.length) {
    const { W, b } = layers[depth];
    const g = layers[depth].activation.g;
    const f: Vector = [];
    let unit = 0;
    while (unit < b.length) {
      let s = 0;
      let k = 0;
      while (k < current.length) {
        s = s + current[k] * W[k][unit];
        k++;
      }
      f.push(s + b[unit]);
      unit++;
    }
    const a = f.map((v) => g(v));
    result.f[depth] = f;
    result.a[depth] = a;
    current = a;
    depth++;
  }
  return result;
}
