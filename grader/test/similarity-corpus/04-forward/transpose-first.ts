import type { ForwardCache, Layer, Vector } from "../types";

// Transposing W first turns each unit's weights into a row, so f = Wᵀa is a row-by-row dot product.
function transposed(M: number[][]): number[][] {
  if (M.length === 0) return [];
  return M[0].map((_, c) => M.map((row) => row[c]));
}

function dotProduct(u: Vector, v: Vector): number {
  let total = 0;
  u.forEach((ui, k) => {
    total += ui * v[k];
  });
  return total;
}

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const cache: ForwardCache = { f: [], a: [] };
  let activations = x;
  layers.forEach(({ W, b, activation }) => {
    const rows = transposed(W);
    const weighted = b.map((bias, unit) => (rows[unit] ? dotProduct(rows[unit], activations) : 0) + bias);
    activations = weighted.map((value) => activation.g(value));
    cache.f.push(weighted);
    cache.a.push(activations);
  });
  return cache;
}
