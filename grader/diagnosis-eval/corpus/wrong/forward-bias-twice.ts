// Replaces: 04-forward forward
// TA: adds b^[l] twice: once as the sum's start, once after.
// Names: relation-bias-twice
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let input = x;
  for (const { W, b, activation } of layers) {
    const z = b.map((bj, j) => input.reduce((s, v, r) => s + W[r][j] * v, bj) + bj);
    f.push(z);
    input = z.map((v) => activation.g(v));
    a.push(input);
  }
  return { f, a };
}
