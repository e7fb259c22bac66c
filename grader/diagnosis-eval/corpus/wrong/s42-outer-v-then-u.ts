// Replaces: 01-linear-algebra outer
// TA: builds v uᵀ (one row per entry of v, one column per entry of u), shape c × r: the transpose of u vᵀ.
// Names: relation-transposed
import type { Matrix, Vector } from "../../../../exercises/types.ts";

export function outer(u: Vector, v: Vector): Matrix {
  const M: Matrix = [];
  for (const vj of v) {
    M.push(u.map((ui) => vj * ui));
  }
  return M;
}
