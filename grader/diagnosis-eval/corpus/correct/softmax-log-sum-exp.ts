// Replaces: 03-activations softmax
// TA: correct: exp(z_i − logsumexp(z)), with logsumexp taken stably around max(z).
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function softmax(z: Vector): Vector {
  const m = z.reduce((a, b) => (b > a ? b : a), -Infinity);
  const lse = m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
  return z.map((v) => Math.exp(v - lse));
}
