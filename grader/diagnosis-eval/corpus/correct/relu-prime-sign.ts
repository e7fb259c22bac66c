// Replaces: 03-activations reluPrime
// TA: correct: (sign(z) + |sign(z)|) / 2 is 1 for z > 0 and 0 otherwise.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function reluPrime(z: number): number {
  const s = Math.sign(z);
  return (s + Math.abs(s)) / 2;
}
