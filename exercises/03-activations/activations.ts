import type { Matrix, Vector } from "../types";

/** σ(z) = 1 / (1 + e^(−z)). Must stay finite and accurate for z = ±1000. */
export function sigmoid(z: number): number {
  // TODO
  throw new Error("not implemented: sigmoid");
}

/** σ′(z) = σ(z)(1 − σ(z)). */
export function sigmoidPrime(z: number): number {
  // TODO
  throw new Error("not implemented: sigmoidPrime");
}

/** tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)); ±1 at z = ±1000, where that formula gives ∞/∞. */
export function tanh(z: number): number {
  // TODO
  throw new Error("not implemented: tanh");
}

/** tanh′(z) = 1 − tanh(z)². */
export function tanhPrime(z: number): number {
  // TODO
  throw new Error("not implemented: tanhPrime");
}

/** relu(z) = max(0, z). */
export function relu(z: number): number {
  // TODO
  throw new Error("not implemented: relu");
}

/** relu′(z) = 1 if z > 0, otherwise 0 (so relu′(0) = 0, as PyTorch and TensorFlow define it). */
export function reluPrime(z: number): number {
  // TODO
  throw new Error("not implemented: reluPrime");
}

/** leakyRelu(z) = z if z > 0, otherwise αz. */
export function leakyRelu(z: number, alpha = 0.01): number {
  // TODO
  throw new Error("not implemented: leakyRelu");
}

/** leakyRelu′(z) = 1 if z > 0, otherwise α (so leakyRelu′(0) = α). */
export function leakyReluPrime(z: number, alpha = 0.01): number {
  // TODO
  throw new Error("not implemented: leakyReluPrime");
}

/** identity(z) = z. */
export function identity(z: number): number {
  // TODO
  throw new Error("not implemented: identity");
}

/** identity′(z) = 1. */
export function identityPrime(z: number): number {
  // TODO
  throw new Error("not implemented: identityPrime");
}

/**
 * softmax(z)_i = e^(z_i) / Σ_j e^(z_j).
 * - z: length K. Returns length K, entries between 0 and 1 summing to 1.
 * Must not overflow: softmax([1000, 0]) is finite.
 */
export function softmax(z: Vector): Vector {
  // TODO
  throw new Error("not implemented: softmax");
}

/**
 * Bonus. The Jacobian of softmax, J[i][j] = ∂s_i/∂z_j = s_i(δ_ij − s_j), with s = softmax(z).
 * - z: length K. Returns shape (K, K).
 */
export function softmaxJacobian(z: Vector): Matrix {
  // TODO
  throw new Error("not implemented: softmaxJacobian");
}
