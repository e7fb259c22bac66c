import type { ForwardCache, Layer, Vector } from "../types";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const fs: Vector[] = [];
  const as: Vector[] = [];
  let input = x;
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l];
    const units = layer.b.length;
    const z: Vector = new Array(units).fill(0);
    for (let j = 0; j < units; j++) {
      z[j] = layer.b[j];
      for (let i = 0; i < input.length; i++) {
        z[j] += layer.W[i][j] * input[i];
      }
    }
    const out: Vector = [];
    for (let j = 0; j < units; j++) out.push(layer.activation.g(z[j]));
    fs.push(z);
    as.push(out);
    input = out;
  }
  return { f: fs, a: as };
}
