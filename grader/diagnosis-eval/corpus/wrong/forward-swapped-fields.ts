// Replaces: 04-forward forward
// TA: f and a are swapped in the returned cache.
// Names: relation-a-for-f, relation-f-for-a
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const pre: Vector[] = [];
  const post: Vector[] = [];
  let h = x;
  for (const { W, b, activation } of layers) {
    const z = b.map((bj, j) => bj + h.reduce((s, hr, r) => s + W[r][j] * hr, 0));
    h = z.map((zj) => activation.g(zj));
    pre.push(z);
    post.push(h);
  }
  return { f: post, a: pre };
}
