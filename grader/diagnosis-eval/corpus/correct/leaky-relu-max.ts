// Replaces: 03-activations leakyRelu
// TA: correct: max(αz, z), which is leakyRelu for 0 ≤ α ≤ 1.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function leakyRelu(z: number, alpha = 0.01): number {
  return Math.max(alpha * z, z);
}
