// Replaces: 01-linear-algebra matVec
// TA: right: A x as the combination Σ_c x_c (column c of A), accumulated column by column; shapes checked first.
// Names: none
import type { Matrix, Vector } from "../../../../exercises/types.ts";
import { shape } from "../../../../solutions/01-linear-algebra/linalg.ts";

export function matVec(A: Matrix, x: Vector): Vector {
  const [rows, cols] = shape(A);
  if (rows > 0 && cols !== x.length) {
    throw new Error(`matVec: cannot multiply a ${rows}×${cols} matrix by a vector of length ${x.length}`);
  }
  const out = new Array<number>(rows).fill(0);
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) out[r] += A[r][c] * x[c];
  }
  return out;
}
