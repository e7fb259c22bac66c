// Replaces: 03-activations tanhPrime
// TA: uses 1 / cosh(z) (sech, not sech²).
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function tanhPrime(z: number): number {
  return 1 / Math.cosh(z);
}
