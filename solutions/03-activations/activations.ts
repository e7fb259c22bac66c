import type { Matrix, Vector } from "../types";

/** σ(z) = 1 / (1 + e^(−z)). Must stay finite and accurate for z = ±1000. */
export function sigmoid(z: number): number {
  // Only ever exponentiate a non-positive number, so e^(·) ≤ 1 never overflows:
  // for z < 0 use the equal form e^z / (1 + e^z).
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** σ′(z) = σ(z)(1 − σ(z)). */
export function sigmoidPrime(z: number): number {
  const s = sigmoid(z);
  return s * (1 - s);
}

/** tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)); ±1 at z = ±1000, where that formula gives ∞/∞. */
export function tanh(z: number): number {
  // Math.tanh saturates to ±1 instead of computing ∞/∞.
  return Math.tanh(z);
}

/** tanh′(z) = 1 − tanh(z)². */
export function tanhPrime(z: number): number {
  const t = Math.tanh(z);
  return 1 - t * t;
}

/** relu(z) = max(0, z). */
export function relu(z: number): number {
  return z > 0 ? z : 0;
}

/** relu′(z) = 1 if z > 0, otherwise 0 (so relu′(0) = 0, as PyTorch and TensorFlow define it). */
export function reluPrime(z: number): number {
  return z > 0 ? 1 : 0;
}

/** leakyRelu(z) = z if z > 0, otherwise αz. */
export function leakyRelu(z: number, alpha = 0.01): number {
  return z > 0 ? z : alpha * z;
}

/** leakyRelu′(z) = 1 if z > 0, otherwise α (so leakyRelu′(0) = α). */
export function leakyReluPrime(z: number, alpha = 0.01): number {
  return z > 0 ? 1 : alpha;
}

/** identity(z) = z. */
export function identity(z: number): number {
  return z;
}

/** identity′(z) = 1. */
export function identityPrime(z: number): number {
  return 1;
}

/**
 * softmax(z)_i = e^(z_i) / Σ_j e^(z_j).
 * - z: length K. Returns length K, entries between 0 and 1 summing to 1.
 * Must not overflow: softmax([1000, 0]) is finite.
 */
export function softmax(z: Vector): Vector {
  // softmax(z) = softmax(z − c) for any constant c; with c = max z every
  // exponent is ≤ 0, so nothing overflows and the largest term is exactly 1.
  const max = Math.max(...z);
  const exps = z.map((zi) => Math.exp(zi - max));
  const sum = exps.reduce((s, e) => s + e, 0);
  return exps.map((e) => e / sum);
}

/**
 * Bonus. The Jacobian of softmax, J[i][j] = ∂s_i/∂z_j = s_i(δ_ij − s_j), with s = softmax(z).
 * - z: length K. Returns shape (K, K).
 */
export function softmaxJacobian(z: Vector): Matrix {
  const s = softmax(z);
  return s.map((si, i) => s.map((sj, j) => si * ((i === j ? 1 : 0) - sj)));
}
