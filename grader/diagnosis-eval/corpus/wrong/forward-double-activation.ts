// Replaces: 04-forward forward
// TA: applies the activation twice: a^[l] = g(g(f^[l])).
// Names: relation-g-twice
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let prev = x;
  for (const { W, b, activation } of layers) {
    const z = b.map((bj, j) => prev.reduce((s, p, r) => s + W[r][j] * p, bj));
    f.push(z);
    prev = z.map((v) => activation.g(activation.g(v)));
    a.push(prev);
  }
  return { f, a };
}
