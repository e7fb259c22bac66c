// Replaces: 01-linear-algebra transpose
// TA: writes T[r][c] = A[r][c], the indices not swapped, so it returns a copy of A instead of Aᵀ.
// Names: relation-transposed
import type { Matrix } from "../../../../exercises/types.ts";
import { shape } from "../../../../solutions/01-linear-algebra/linalg.ts";

export function transpose(A: Matrix): Matrix {
  const [rows, cols] = shape(A);
  const result: Matrix = [];
  for (let r = 0; r < rows; r++) {
    const newRow: number[] = [];
    for (let c = 0; c < cols; c++) {
      // (Aᵀ)[c][r] = A[r][c]
      newRow.push(A[r][c]);
    }
    result.push(newRow);
  }
  return result;
}
