// Replaces: 02-perceptron sgn
// TA: sgn(0) = +1.
// Names: sgn-zero-positive
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function sgn(z: number): 1 | -1 {
  return z < 0 ? -1 : 1;
}
