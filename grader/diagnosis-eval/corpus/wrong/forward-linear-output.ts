// Replaces: 04-forward forward
// TA: the output layer's activation is skipped: a^[L] = f^[L].
// Names: relation-f-for-a
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let prev = x;
  layers.forEach(({ W, b, activation }, l) => {
    const z = b.map((bj, j) => prev.reduce((s, p, r) => s + W[r][j] * p, bj));
    const out = l === layers.length - 1 ? z : z.map((v) => activation.g(v));
    f.push(z);
    a.push(out);
    prev = out;
  });
  return { f, a };
}
