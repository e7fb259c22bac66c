// Replaces: 03-activations tanhPrime
// TA: 1 − tanh(z), without the square.
// Names: tanh-prime-no-square
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function tanhPrime(z: number): number {
  const t = Math.tanh(z);
  return 1 - t;
}
