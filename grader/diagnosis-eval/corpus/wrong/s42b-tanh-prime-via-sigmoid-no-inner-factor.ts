// Replaces: 03-activations tanhPrime
// TA: uses tanh(z) = 2σ(2z) − 1 but differentiates it as 2σ′(2z), leaving out the inner derivative 2 of 2z; tanh′(z) = 4σ′(2z), so the result is half the right value.
// Names: relation-scaled
import { sigmoid } from "../../../../solutions/03-activations/activations.ts";

export function tanhPrime(z: number): number {
  // tanh(z) = 2σ(2z) − 1, so tanh′(z) = 2σ′(2z)
  const s = sigmoid(2 * z);
  return 2 * s * (1 - s);
}
