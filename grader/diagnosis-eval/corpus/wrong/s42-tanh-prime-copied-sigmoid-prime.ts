// Replaces: 03-activations tanhPrime
// TA: tanhPrime returns σ(z)(1 − σ(z)), the sigmoid's derivative copied from sigmoidPrime, instead of 1 − tanh(z)².
// Names: relation-sibling-derivative
import { sigmoid } from "../../../../solutions/03-activations/activations.ts";

export function tanhPrime(z: number): number {
  const s = sigmoid(z);
  return s * (1 - s);
}
