// Replaces: 03-activations softmaxJacobian
// TA: the diagonal s_i(1 − s_i) is right, but every off-diagonal entry is −s_i² instead of −s_i s_j.
// Names: none
import type { Matrix, Vector } from "../../../../exercises/types.ts";
import { softmax } from "../../../../solutions/03-activations/activations.ts";

export function softmaxJacobian(z: Vector): Matrix {
  const s = softmax(z);
  const J: Matrix = [];
  for (let i = 0; i < s.length; i++) {
    const row: number[] = [];
    for (let j = 0; j < s.length; j++) {
      row.push(i === j ? s[i] * (1 - s[i]) : -s[i] * s[i]);
    }
    J.push(row);
  }
  return J;
}
