// Replaces: 01-linear-algebra matVec
// TA: computes Aᵀx (entry c is Σ_r A[r][c] x_r, the lecture's Wᵀx) and checks x against A's rows, so it returns a vector of length c instead of A x of length r.
// Names: none
import type { Matrix, Vector } from "../../../../exercises/types.ts";
import { shape } from "../../../../solutions/01-linear-algebra/linalg.ts";

export function matVec(A: Matrix, x: Vector): Vector {
  const [rows, cols] = shape(A);
  if (rows !== x.length) {
    throw new Error(`matVec: shapes do not match: ${rows}×${cols} matrix and vector of length ${x.length}`);
  }
  const out: Vector = new Array(cols).fill(0);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[c] += A[r][c] * x[r];
  }
  return out;
}
