// Replaces: 03-activations sigmoidPrime
// TA: correct: e^(−|z|) / (1 + e^(−|z|))², symmetric in z.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sigmoidPrime(z: number): number {
  const e = Math.exp(-Math.abs(z));
  return e / ((1 + e) * (1 + e));
}
