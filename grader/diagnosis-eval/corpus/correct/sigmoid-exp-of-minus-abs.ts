// Replaces: 03-activations sigmoid
// TA: right: one exponential e^(−|z|) ≤ 1, then 1/(1 + e) for z ≥ 0 and e/(1 + e) for z < 0: stable at ±1000 and accurate in the tails.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";

export function sigmoid(z: number): number {
  const e = Math.exp(-Math.abs(z));
  const denominator = 1 + e;
  return z >= 0 ? 1 / denominator : e / denominator;
}
