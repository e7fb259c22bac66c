// Replaces: 03-activations leakyReluPrime
// TA: ignores the α argument and always uses 0.01.
// Names: leaky-relu-alpha-ignored
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function leakyReluPrime(z: number, alpha?: number): number {
  if (z > 0) return 1;
  return 0.01;
}
