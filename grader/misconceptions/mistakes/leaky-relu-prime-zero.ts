/** leakyRelu′ with three branches: 1 for z > 0, α for z < 0, and 0 at z = 0 (copied from relu′). */
export function leakyReluPrime(z: number, alpha = 0.01): number {
  if (z > 0) return 1;
  return z < 0 ? alpha : 0;
}
