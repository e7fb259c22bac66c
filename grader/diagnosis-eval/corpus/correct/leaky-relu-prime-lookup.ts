// Replaces: 03-activations leakyReluPrime
// TA: right: picks [α, 1] by whether z > 0, so leakyRelu′(0) = α, with α defaulting to 0.01.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";

export function leakyReluPrime(z: number, alpha = 0.01): number {
  const slopes = [alpha, 1];
  return slopes[Number(z > 0)];
}
