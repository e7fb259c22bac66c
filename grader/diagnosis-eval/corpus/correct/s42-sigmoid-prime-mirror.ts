// Replaces: 03-activations sigmoidPrime
// TA: right: σ′(z) = σ(z)σ(−z), since 1 − σ(z) = σ(−z), with the stable σ of the same file.
// Names: none
import { sigmoid } from "../../../../solutions/03-activations/activations.ts";

export function sigmoidPrime(z: number): number {
  return sigmoid(z) * sigmoid(-z);
}
