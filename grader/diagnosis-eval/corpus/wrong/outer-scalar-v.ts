// Replaces: 01-linear-algebra outer
// TA: treats a length-1 v as a scalar and returns the vector u·v_1, not the n × 1 matrix.
// Names: none
import type { ForwardCache, Gradients, Layer, Matrix, Vector } from "../../../../exercises/types.ts";

export function outer(u: Vector, v: Vector): Matrix {
  if (v.length === 1) return u.map((ui) => ui * v[0]) as unknown as Matrix;
  return u.map((ui) => v.map((vj) => ui * vj));
}
