// Replaces: 01-linear-algebra transpose
// TA: right: column c of A becomes row c of Aᵀ, built with Array.from after shape has checked the rows.
// Names: none
import type { Matrix } from "../../../../exercises/types.ts";
import { shape } from "../../../../solutions/01-linear-algebra/linalg.ts";

export function transpose(A: Matrix): Matrix {
  const [rows, cols] = shape(A);
  return Array.from({ length: cols }, (_, c) => Array.from({ length: rows }, (_, r) => A[r][c]));
}
