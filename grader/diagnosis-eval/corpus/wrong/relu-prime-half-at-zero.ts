// Replaces: 03-activations reluPrime
// TA: relu′(0) = ½ (the subgradient's midpoint) where the guide says 0.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function reluPrime(z: number): number {
  if (z === 0) return 0.5;
  return z > 0 ? 1 : 0;
}
