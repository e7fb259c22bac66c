import type { ForwardCache, Layer, Vector } from "../types";

function columnCombination(W: number[][], weights: Vector): Vector {
  const rows = W.length;
  const combined = new Array<number>(rows).fill(0);
  weights.forEach((wj, j) => {
    for (let r = 0; r < rows; r++) combined[r] += W[r][j] * wj;
  });
  return combined;
}

export function deltas(layers: Layer[], cache: ForwardCache, dEdYhat: Vector): Vector[] {
  const answer: Vector[] = [];
  let grad = dEdYhat;
  for (let layerIndex = layers.length; layerIndex >= 1; layerIndex--) {
    const pre = cache.f[layerIndex - 1];
    const layer = layers[layerIndex - 1];
    const delta = pre.map((p, u) => grad[u] * layer.activation.gPrime(p));
    answer[layerIndex - 1] = delta;
    if (layerIndex > 1) grad = columnCombination(layer.W, delta);
  }
  return answer;
}
