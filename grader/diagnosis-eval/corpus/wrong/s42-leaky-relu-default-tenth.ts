// Replaces: 03-activations leakyRelu
// TA: leakyRelu's default α is 0.1 instead of 0.01, so called without alpha its negative side is ten times too steep; with α given it is right.
// Names: none

export function leakyRelu(z: number, alpha = 0.1): number {
  return z > 0 ? z : alpha * z;
}
