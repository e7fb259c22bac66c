// Replaces: 01-linear-algebra hadamard
// TA: right: compares a signature of both shapes (vector or row lengths) first, naming both shapes when they differ, then multiplies entry by entry.
// Names: none
import type { Matrix, Vector } from "../../../../exercises/types.ts";

export function hadamard<T extends Vector | Matrix>(A: T, B: T): T {
  const signature = (X: Vector | Matrix) => X.map((e) => (Array.isArray(e) ? `row ${e.length}` : "number")).join("|");
  const name = (X: Vector | Matrix) =>
    X.length > 0 && Array.isArray(X[0])
      ? `${X.length}×${(X[0] as Vector).length} matrix`
      : `vector of length ${X.length}`;
  if (A.length !== B.length || signature(A) !== signature(B)) {
    throw new Error(`hadamard: ${name(A)} and ${name(B)} are not the same shape`);
  }
  return (A as (number | Vector)[]).map((a, i) => {
    const b = (B as (number | Vector)[])[i];
    return Array.isArray(a) ? a.map((aij, j) => aij * (b as Vector)[j]) : a * (b as number);
  }) as T;
}
