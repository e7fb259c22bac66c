// Replaces: 03-activations softmaxJacobian
// TA: builds J as s sᵀ − diag(s) instead of diag(s) − s sᵀ, i.e. s_i(s_j − δ_ij): every entry has the opposite sign.
// Names: relation-negated
import type { Matrix, Vector } from "../../../../exercises/types.ts";
import { softmax } from "../../../../solutions/03-activations/activations.ts";

export function softmaxJacobian(z: Vector): Matrix {
  const s = softmax(z);
  // outer(s, s) minus the diagonal of s
  return s.map((si, i) => s.map((sj, j) => si * sj - (i === j ? si : 0)));
}
