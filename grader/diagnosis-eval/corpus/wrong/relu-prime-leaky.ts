// Replaces: 03-activations reluPrime
// TA: returns 0.01 for z ≤ 0, the leaky relu′.
// Names: relation-sibling-derivative
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function reluPrime(z: number): number {
  return z > 0 ? 1 : 0.01;
}
