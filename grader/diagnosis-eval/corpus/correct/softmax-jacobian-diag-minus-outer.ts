// Replaces: 03-activations softmaxJacobian
// TA: right: diag(s) − s sᵀ with s = softmax(z), built by nested loops: s_i − s_i² on the diagonal, −s_i s_j off it.
// Names: none
import type { Matrix, Vector } from "../../../../exercises/types.ts";
import { softmax } from "../../../../solutions/03-activations/activations.ts";

export function softmaxJacobian(z: Vector): Matrix {
  const s = softmax(z);
  const J: Matrix = [];
  for (let i = 0; i < s.length; i++) {
    const row: Vector = [];
    for (let j = 0; j < s.length; j++) row.push((i === j ? s[i] : 0) - s[i] * s[j]);
    J.push(row);
  }
  return J;
}
