// Replaces: 04-forward forward
// TA: adds b after the activation: f^[l] = (W^[l])ᵀ a^[l-1] and a^[l] = g(f^[l]) + b^[l].
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let input = x;
  for (const { W, b, activation } of layers) {
    const z = b.map((_, j) => input.reduce((s, v, r) => s + W[r][j] * v, 0));
    const out = z.map((v, j) => activation.g(v) + b[j]);
    f.push(z);
    a.push(out);
    input = out;
  }
  return { f, a };
}
