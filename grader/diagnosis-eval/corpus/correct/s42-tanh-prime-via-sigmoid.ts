// Replaces: 03-activations tanhPrime
// TA: right: tanh(z) = 2σ(2z) − 1, so tanh′(z) = 4σ′(2z) = 4σ(2z)σ(−2z), with the stable σ of the same file.
// Names: none
import { sigmoid } from "../../../../solutions/03-activations/activations.ts";

export function tanhPrime(z: number): number {
  return 4 * sigmoid(2 * z) * sigmoid(-2 * z);
}
