// Replaces: 03-activations sigmoidPrime
// TA: e^(−z) / (1 + e^(−z))² overflows for z = −1000 (∞/∞ = NaN).
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sigmoidPrime(z: number): number {
  const e = Math.exp(-z);
  return e / ((1 + e) * (1 + e));
}
