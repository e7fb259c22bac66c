import type { ForwardCache, Layer, Vector } from "../types";

/** Adds bias to the weighted inputs: entry j is b_j plus the sum over inputs r of W[r][j] a_r. */
function preActivation(layer: Layer, inputs: Vector): Vector {
  const z = [...layer.b];
  for (const [r, ar] of inputs.entries()) {
    const weights = layer.W[r];
    for (const [j, wrj] of weights.entries()) z[j] += wrj * ar;
  }
  return z;
}

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  for (const layer of layers) {
    const previous = a.length === 0 ? x : a[a.length - 1];
    const z = preActivation(layer, previous);
    f.push(z);
    a.push(z.map(layer.activation.g));
  }
  return { f, a };
}
