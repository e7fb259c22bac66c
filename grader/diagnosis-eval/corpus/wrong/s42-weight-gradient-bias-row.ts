// Replaces: 06-gradients weightGradient
// TA: prepends the bias feature 1 to a^[l-1] (x_0 = 1, as in the perceptron), so dW has an extra first row δ^[l]: shape (n_{l-1} + 1) × n_l instead of the shape of W^[l].
// Names: none
import type { Matrix, Vector } from "../../../../exercises/types.ts";

export function weightGradient(aPrev: Vector, delta: Vector): Matrix {
  const input = [1, ...aPrev]; // x_0 = 1 for the bias
  return input.map((ai) => delta.map((dj) => ai * dj));
}
