// Replaces: 03-activations leakyReluPrime
// TA: uses Math.sign-style branches (z > 0, z < 0, else) and returns 0 at z = 0, where leakyRelu′(0) = α.
// Names: leaky-relu-prime-zero
export function leakyReluPrime(z: number, alpha = 0.01): number {
  const slopes: Record<string, number> = { "1": 1, "-1": alpha, "0": 0 };
  return slopes[String(Math.sign(z))] ?? 0;
}
