// Replaces: 01-linear-algebra outer
// TA: right: u vᵀ as the matrix product of u as an r × 1 column and v as a 1 × c row, through a general matMul helper.
// Names: none
import type { Matrix, Vector } from "../../../../exercises/types.ts";

function matMul(A: Matrix, B: Matrix): Matrix {
  return A.map((row) => B[0].map((_, c) => row.reduce((s, aik, k) => s + aik * B[k][c], 0)));
}

export function outer(u: Vector, v: Vector): Matrix {
  const column = u.map((ui) => [ui]);
  if (column.length === 0) return [];
  return matMul(column, [v.slice()]);
}
