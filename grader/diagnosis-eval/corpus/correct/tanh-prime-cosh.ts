// Replaces: 03-activations tanhPrime
// TA: correct: sech²(z) = 1 / cosh²(z).
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function tanhPrime(z: number): number {
  const c = Math.cosh(z);
  return 1 / (c * c);
}
