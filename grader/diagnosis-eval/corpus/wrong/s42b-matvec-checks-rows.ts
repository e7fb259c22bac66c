// Replaces: 01-linear-algebra matVec
// TA: computes A x correctly but checks x's length against A's number of rows instead of its columns, so a non-square A with a fitting x throws, and an x as long as A has rows is accepted.
// Names: none
import type { Matrix, Vector } from "../../../../exercises/types.ts";
import { shape } from "../../../../solutions/01-linear-algebra/linalg.ts";

export function matVec(A: Matrix, x: Vector): Vector {
  const [rows, cols] = shape(A);
  // A is r × c and x must match it
  if (rows !== x.length) {
    throw new Error(`matVec: shapes do not match: ${rows}×${cols} matrix and vector of length ${x.length}`);
  }
  return A.map((row) => row.reduce((s, a, c) => s + a * x[c], 0));
}
