import type { ForwardCache, Layer, Vector } from "../types";

const columnTimes = (layer: Layer, v: Vector): Vector =>
  layer.b.map((bias, col) => v.reduce((acc, vi, row) => acc + layer.W[row][col] * vi, bias));

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const { f, a } = layers.reduce<ForwardCache & { last: Vector }>(
    (state, layer) => {
      const pre = columnTimes(layer, state.last);
      const post = pre.map((z) => layer.activation.g(z));
      return { f: [...state.f, pre], a: [...state.a, post], last: post };
    },
    { f: [], a: [], last: x },
  );
  return { f, a };
}
