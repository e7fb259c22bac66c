// Replaces: 01-linear-algebra outer
// TA: right: builds the columns u v_j first, then reads them back row by row, so entry [i][j] is u_i v_j.
// Names: none
import type { Matrix, Vector } from "../../../../exercises/types.ts";

export function outer(u: Vector, v: Vector): Matrix {
  const columns = v.map((vj) => u.map((ui) => ui * vj));
  return u.map((_, i) => columns.map((col) => col[i]));
}
