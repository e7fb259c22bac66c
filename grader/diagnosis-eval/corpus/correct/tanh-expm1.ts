// Replaces: 03-activations tanh
// TA: right: tanh|z| = −expm1(−2|z|) / (2 + expm1(−2|z|)), which only exponentiates a number ≤ 0, with the sign put back (odd function).
// Names: none
import type { Vector } from "../../../../exercises/types.ts";

export function tanh(z: number): number {
  const m = Math.expm1(-2 * Math.abs(z));
  const t = -m / (2 + m);
  return z < 0 ? -t : t;
}
