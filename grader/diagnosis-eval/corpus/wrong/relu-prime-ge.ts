// Replaces: 03-activations reluPrime
// TA: relu′(0) = 1 (uses z ≥ 0).
// Names: relu-prime-zero-one
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function reluPrime(z: number): number {
  if (z >= 0) return 1;
  return 0;
}
