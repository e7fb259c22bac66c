// Replaces: 01-linear-algebra matVec
// TA: throws only when x is shorter than A's rows are long; a longer x is silently cut.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function matVec(A: Matrix, x: Vector): Vector {
  if (x.length < A[0].length) throw new Error(`matVec: x has ${x.length} entries, A has ${A[0].length} columns`);
  return A.map((row) => row.reduce((s, a, c) => s + a * x[c], 0));
}
