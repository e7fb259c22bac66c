// Replaces: 03-activations leakyReluPrime
// TA: returns 1 for z > 0 and 0 otherwise, relu′ copied without the leak: the slope for z ≤ 0 is α, not 0.
// Names: relation-sibling-derivative

export function leakyReluPrime(z: number, alpha = 0.01): number {
  if (z > 0) {
    return 1;
  }
  return 0;
}
