// Replaces: 03-activations softmaxJacobian
// TA: only the diagonal s_i(1 − s_i); the off-diagonal −s_i s_j are left at 0.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function softmaxJacobian(z: Vector): Matrix {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const t = e.reduce((a, b) => a + b, 0);
  const s = e.map((v) => v / t);
  return s.map((si, i) => s.map((_, j) => (i === j ? si * (1 - si) : 0)));
}
