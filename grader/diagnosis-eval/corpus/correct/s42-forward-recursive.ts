// Replaces: 04-forward forward
// TA: right: computes the first layer, then calls itself on the remaining layers with a^[1] as their input, and puts the caches together.
// Names: none
import type { ForwardCache, Layer, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  if (layers.length === 0) return { f: [], a: [] };
  const [first, ...rest] = layers;
  const f1 = first.b.map((bj, j) => x.reduce((s, xr, r) => s + first.W[r][j] * xr, bj));
  const a1 = f1.map((v) => first.activation.g(v));
  const tail = forward(rest, a1);
  return { f: [f1, ...tail.f], a: [a1, ...tail.a] };
}
