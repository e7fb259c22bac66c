// Replaces: 03-activations leakyReluPrime
// TA: returns αz for z ≤ 0, the leaky relu's own value there, instead of its slope α.
// Names: relation-g-for-gprime
export function leakyReluPrime(z: number, alpha = 0.01): number {
  return z > 0 ? 1 : alpha * z;
}
