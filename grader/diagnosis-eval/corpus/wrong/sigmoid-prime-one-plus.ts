// Replaces: 03-activations sigmoidPrime
// TA: σ(z)(1 + σ(z)): a sign slip in σ(z)(1 − σ(z)).
// Names: none

export function sigmoidPrime(z: number): number {
  const s = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  return s * (1 + s);
}
