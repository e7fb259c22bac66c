import type { ForwardCache, Layer, Vector } from "../types";

function weightedInput(W: number[][], b: Vector, input: Vector, unit: number, k: number): number {
  if (k === input.length) return b[unit];
  return W[k][unit] * input[k] + weightedInput(W, b, input, unit, k + 1);
}

function propagate(layers: Layer[], index: number, input: Vector, cache: ForwardCache): ForwardCache {
  if (index >= layers.length) return cache;
  const { W, b, activation } = layers[index];
  const pre = b.map((_, unit) => weightedInput(W, b, input, unit, 0));
  const post = pre.map(activation.g);
  cache.f.push(pre);
  cache.a.push(post);
  return propagate(layers, index + 1, post, cache);
}

export function forward(layers: Layer[], x: Vector): ForwardCache {
  return propagate(layers, 0, x, { f: [], a: [] });
}
