// Replaces: 03-activations reluPrime
// TA: returns relu(z) itself, not its derivative (1 for z > 0).
// Names: relation-g-for-gprime
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function reluPrime(z: number): number {
  return Math.max(0, z);
}
