// Replaces: 02-perceptron sgn
// TA: right: Math.sign(z) is 1 only for z > 0; 0, −0, negatives (and NaN) give −1.
// Names: none
import type { Vector } from "../../../../exercises/types.ts";

export function sgn(z: number): 1 | -1 {
  return Math.sign(z) === 1 ? 1 : -1;
}
