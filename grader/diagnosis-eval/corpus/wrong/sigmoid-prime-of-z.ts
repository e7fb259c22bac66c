// Replaces: 03-activations sigmoidPrime
// TA: computes z(1 − z), the a(1 − a) form applied to z.
// Names: sigmoid-prime-output-form
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sigmoidPrime(z: number): number {
  const s = z;
  return s - s * s;
}
