// Replaces: 04-forward forward
// TA: subtracts the bias: f^[l] = (W^[l])ᵀ a^[l-1] − b^[l].
// Names: relation-bias-subtracted
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function forward(layers: Layer[], x: Vector): ForwardCache {
  const f: Vector[] = [];
  const a: Vector[] = [];
  let prev = x;
  for (const L of layers) {
    const z = L.b.map((bj, j) => prev.reduce((s, p, r) => s + L.W[r][j] * p, 0) - bj);
    f.push(z);
    prev = z.map((v) => L.activation.g(v));
    a.push(prev);
  }
  return { f, a };
}
