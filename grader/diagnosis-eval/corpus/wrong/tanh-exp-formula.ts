// Replaces: 03-activations tanh
// TA: (e^z − e^(−z)) / (e^z + e^(−z)) overflows for |z| = 1000 (∞/∞ = NaN).
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function tanh(z: number): number {
  const p = Math.exp(z);
  const m = Math.exp(-z);
  return (p - m) / (p + m);
}
